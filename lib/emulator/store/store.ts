import { randomBytes, randomUUID } from "node:crypto";
import type { Clock } from "../clock";
import { insertSorted, newestFirst, oldestFirst } from "../paginate";
import type { Cursor } from "../paginate";
import { IncidentHolds } from "./incident-holds";
import { stateSnapshotSchema } from "./records";
import type { ApiTokenRecord, CallRecord, LiveEventRecord, RoomRecord, StateSnapshot, UserRecord } from "./records";

export const liveEventKey = (e: LiveEventRecord): Cursor => ({ sort: e.created_at, id: e.live_event_id });
export const callKey = (c: CallRecord): Cursor => ({ sort: c.started_at, id: c.call_id });
export const roomKey = (r: RoomRecord): Cursor => ({ sort: r.created_at, id: r.room_id });
export const userKey = (u: UserRecord): Cursor => ({ sort: u.created_at, id: u.user_id });

/**
 * All emulator state. Lists are kept in their API order (events, calls and rooms newest first, users
 * oldest first) so a page is a slice. Resource rules live in the modules beside this file, one per resource
 * and named as its schemas, client resource and routes are; records, serialize and custom-items are shared.
 */
export class Store {
  users = new Map<string, UserRecord>();
  userOrder: UserRecord[] = [];
  liveEvents = new Map<string, LiveEventRecord>();
  liveEventOrder: LiveEventRecord[] = [];
  calls = new Map<string, CallRecord>();
  callOrder: CallRecord[] = [];
  rooms = new Map<string, RoomRecord>();
  roomOrder: RoomRecord[] = [];
  apiTokens = new Map<string, ApiTokenRecord>();
  /** Every secondary token value generated in this world, revoked ones too (for leak checks in tests). */
  readonly issuedTokens = new Set<string>();
  /** Bumped on every change of one record, so its cached JSON can be reused until then. */
  readonly revisions = new Map<string, number>();
  /** Bumped on every user change: events embed user data. */
  userRevision = 0;
  /** Bumped on every live-event change, so whole list pages can be cached until then. */
  liveEventsRevision = 0;
  /** Incidents the simulator must leave alone; not part of a state snapshot, and emptied with the world. */
  readonly incidents = new IncidentHolds();

  constructor(
    readonly clock: Clock,
    readonly masterToken: string,
    readonly region: string,
  ) {}

  now(): number {
    return this.clock.now();
  }

  newId(): string {
    return randomUUID();
  }

  newSecret(bytes: number): string {
    return randomBytes(bytes).toString("hex");
  }

  touch(id: string): void {
    this.revisions.set(id, (this.revisions.get(id) ?? 0) + 1);
    this.liveEventsRevision += 1;
  }

  touchUsers(): void {
    this.userRevision += 1;
  }

  addUser(user: UserRecord): void {
    this.users.set(user.user_id, user);
    insertSorted(this.userOrder, user, userKey, oldestFirst);
    this.touchUsers();
  }

  removeUser(userId: string): void {
    const user = this.users.get(userId);
    if (!user) return;
    this.users.delete(userId);
    this.userOrder.splice(this.userOrder.indexOf(user), 1);
    this.touchUsers();
  }

  addLiveEvent(event: LiveEventRecord): void {
    this.liveEvents.set(event.live_event_id, event);
    insertSorted(this.liveEventOrder, event, liveEventKey, newestFirst);
    this.liveEventsRevision += 1;
  }

  addCall(call: CallRecord): void {
    this.calls.set(call.call_id, call);
    insertSorted(this.callOrder, call, callKey, newestFirst);
  }

  addRoom(room: RoomRecord): void {
    this.rooms.set(room.room_id, room);
    insertSorted(this.roomOrder, room, roomKey, newestFirst);
  }

  /** Empties the store; the master token and region stay. */
  reset(): void {
    this.users.clear();
    this.userOrder = [];
    this.liveEvents.clear();
    this.liveEventOrder = [];
    this.calls.clear();
    this.callOrder = [];
    this.rooms.clear();
    this.roomOrder = [];
    this.apiTokens.clear();
    this.issuedTokens.clear();
    this.revisions.clear();
    this.incidents.clear();
    this.liveEventsRevision += 1;
    this.touchUsers();
  }

  exportState(): StateSnapshot {
    return structuredClone({
      version: 1 as const,
      users: this.userOrder,
      live_events: this.liveEventOrder,
      calls: this.callOrder,
      rooms: this.roomOrder,
      api_tokens: [...this.apiTokens.values()],
    });
  }

  /** Replaces the state with a snapshot; a snapshot that does not parse changes nothing. */
  importState(input: unknown): { ok: true } | { ok: false; message: string } {
    const parsed = stateSnapshotSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, message: `Not a valid state snapshot: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "unknown"}` };
    }
    const duplicate = findDuplicateIds(parsed.data);
    if (duplicate) return { ok: false, message: `Not a valid state snapshot: duplicate id "${duplicate}".` };
    this.reset();
    for (const user of parsed.data.users) this.addUser(user);
    for (const event of parsed.data.live_events) this.addLiveEvent(event);
    for (const call of parsed.data.calls) this.addCall(call);
    for (const room of parsed.data.rooms) this.addRoom(room);
    for (const token of parsed.data.api_tokens) this.apiTokens.set(token.token, token);
    return { ok: true };
  }
}

function findDuplicateIds(snapshot: StateSnapshot): string | undefined {
  const lists: string[][] = [
    snapshot.users.map((u) => u.user_id),
    snapshot.live_events.map((e) => e.live_event_id),
    snapshot.calls.map((c) => c.call_id),
    snapshot.rooms.map((r) => r.room_id),
    snapshot.api_tokens.map((t) => t.token),
  ];
  for (const ids of lists) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) return id;
      seen.add(id);
    }
  }
  return undefined;
}
