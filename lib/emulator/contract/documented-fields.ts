/**
 * Sendbird publishes no OpenAPI file for its Live and Calls Platform APIs, only doc pages. These types describe
 * tables written from those pages, one row per field, each row naming where the field is shown: a doc page
 * (`doc`), what Sendbird's own client SDK reads from the server (`sdk`), or, where no published source shows
 * it, the emulator's own reason (`emulator`). The tables are written apart from the emulator and the console's
 * schemas on purpose: a value list copied from either would agree with it by construction.
 */

export type Evidence = "doc" | "sdk" | "emulator";

export type LiveTable =
  | "liveEvent"
  | "host"
  | "rtmpStream"
  | "participant"
  | "embeddedUser"
  | "liveRecording"
  | "liveEventEnvelope"
  | "liveEventList"
  | "hostEnvelope"
  | "participantList"
  | "recordingCopy";

export type CallsTable =
  | "directCall"
  | "callParticipant"
  | "callRecording"
  | "room"
  | "roomParticipant"
  | "roomRecording"
  | "callEnvelope"
  | "callList"
  | "callCustomItemsUpdate"
  | "callCustomItemsDelete"
  | "roomEnvelope"
  | "roomList"
  | "roomParticipantList";

export type TableName = LiveTable | CallsTable;

/** A JSON type: integers are milliseconds, counts or sizes; `string map` is custom items or metadata. */
export type FieldType = "string" | "integer" | "boolean" | "string map" | "string list" | { object: TableName } | { list: TableName };

export interface DocumentedField {
  field: string;
  type: FieldType;
  /** `always`: every answer has the key; `optional`: some answers leave it out. */
  presence: "always" | "optional";
  nullable: boolean;
  /** The values a source lists, where it lists them. */
  values?: readonly string[];
  /** A doc page's URL, or for SDK evidence the repository, file and version. */
  source: string;
  evidence: Evidence;
  note?: string;
}

export interface DocumentedTable {
  /** What the table describes, in a few words. */
  title: string;
  fields: readonly DocumentedField[];
}

export interface RowOptions {
  optional?: boolean;
  nullable?: boolean;
  values?: readonly string[];
  note?: string;
}

/** Rows shown by one source: `rowsFrom(page, "doc")("title", "string", { optional: true })`. */
export function rowsFrom(source: string, evidence: Evidence) {
  return (field: string, type: FieldType, options: RowOptions = {}): DocumentedField => ({
    field,
    type,
    presence: options.optional ? "optional" : "always",
    nullable: options.nullable ?? false,
    ...(options.values ? { values: options.values } : {}),
    source,
    evidence,
    ...(options.note ? { note: options.note } : {}),
  });
}

export const liveSdk = "sendbird/sendbird-live-sdk-javascript sendbirdLive.min.js (v1.2.2)";
export const callsSdk = "sendbird/sendbird-calls-javascript SendBirdCall.min.js (v1.10.21)";
