import type { Allowance } from "./published-models";

const flatMetadata = "{ [key: string]: string; }";

/**
 * Where the emulator follows a published source that the generated 1.x models (both npm clients) do not carry.
 * A contract call applies only the rows it names, and fails if a row it names is not needed.
 */
export const publishedExceptions = {
  unreadMessageCount: {
    model: "SendBirdUser",
    field: "unread_message_count",
    type: "number",
    source: "https://sendbird.com/docs/chat/v3/platform-api/user/listing-users/get-a-user (include_unread_count); 2.x spec viewAUser → SendbirdUser",
    why: "Added after the 1.x spec that both clients were generated from; sent only when include_unread_count=true.",
  },
  createdMetadataIsFlat: {
    model: "CreateUserMetadataResponse",
    field: "*",
    type: flatMetadata,
    source: "https://docs.sendbird.com/docs/chat/v3/platform-api/user/managing-metadata/user-create-metadata",
    why: "The doc page answers the added items as a flat object; the 1.x generator turned the spec's anyOf into one string property named `anyOf`.",
  },
  viewedMetadataIsFlat: {
    model: "ViewUserMetadataResponse",
    field: "*",
    type: flatMetadata,
    source: "https://sendbird.com/docs/chat/v3/platform-api/user/managing-metadata/user-view-metadata",
    why: "The doc page answers the items as a flat object; the 1.x generator turned the spec's anyOf into one string property named `anyOf`.",
  },
} satisfies Record<string, Allowance>;
