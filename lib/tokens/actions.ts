import "server-only";
import type { ActionDefinition } from "@/lib/actions/core";
import type { Database } from "@/lib/db";
import { AppError, FieldError } from "@/lib/errors";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { sameToken } from "@/lib/sendbird/client";
import { SendbirdAuthError } from "@/lib/sendbird/errors";
import type { ApiTokenRecord } from "@/lib/sendbird/resources/api-tokens";
import { maxSecondaryTokens } from "./listing";
import { checkRotationSchema, finishRotationSchema, generateTokenSchema, revokeTokenSchema, rotationStepSchema, startRotationSchema } from "./schemas";
import { currentRotation, endRotation, insertRotation, markChecked, recordUse } from "./store";
import type { Rotation, TokenRef } from "./store";

const ref = (t: ApiTokenRecord): TokenRef => ({ last4: t.token.slice(-4), createdAt: t.createdAt });
const masked = (t: TokenRef) => `…${t.last4}`;
const target = (t: TokenRef, details: Record<string, string | number> = {}) => ({
  type: "api_token",
  id: masked(t),
  details: { created_at: new Date(t.createdAt).toISOString(), ...details },
});

/** The listed token a reference names, with its value (server-side only), or a plain refusal. */
async function find(sendbird: SendbirdClient, t: TokenRef): Promise<ApiTokenRecord> {
  const matches = (await sendbird.apiTokens.list()).filter((x) => x.createdAt === t.createdAt && x.token.slice(-4) === t.last4);
  if (matches.length === 0) throw new AppError("not_found", `No secondary token ending in ${t.last4} exists any more. Reload the page.`);
  return matches[0] as ApiTokenRecord;
}

/** Refuses to touch the token this console itself runs on. */
function notOwn(sendbird: SendbirdClient, token: ApiTokenRecord, doing: string): void {
  if (sendbird.runsOn(token.token)) {
    throw new AppError(
      "own_token",
      `This console runs on the token ending in ${token.token.slice(-4)}; ${doing} it would cut the console off from Sendbird. Put another token into SENDBIRD_API_TOKEN and restart first.`,
    );
  }
}

export interface NewToken {
  /** The value, in this one answer only. */
  token: string;
  last4: string;
  createdAt: number;
}

/** Generates a secondary token after checking a slot is free; the value is returned once, the audit keeps its last 4. */
async function generate(sendbird: SendbirdClient): Promise<NewToken> {
  const existing = await sendbird.apiTokens.list();
  if (existing.length >= maxSecondaryTokens) {
    throw new AppError("no_slot", `All ${maxSecondaryTokens} secondary token slots are used. Revoke one you no longer need first.`);
  }
  const made = await sendbird.apiTokens.generate();
  return { token: made.token, ...ref(made) };
}

export const generateToken: ActionDefinition<typeof generateTokenSchema, NewToken> = {
  name: "api_token.generate",
  permission: "tokens.manage",
  input: generateTokenSchema,
  target: () => ({ type: "api_token", id: "" }),
  resultTargetId: (made) => masked(made),
  resultDetails: (made) => ({ created_at: new Date(made.createdAt).toISOString() }),
  run: ({ sendbird }) => generate(sendbird),
};

export const revokeToken: ActionDefinition<typeof revokeTokenSchema, TokenRef> = {
  name: "api_token.revoke",
  permission: "tokens.manage",
  input: revokeTokenSchema,
  target: (input) => target(input),
  run: async ({ input, db, sendbird }) => {
    if (input.confirmation.trim() !== input.last4)
      throw new FieldError({ confirmation: `Type ${input.last4}, the token's last four characters, to revoke it.` });
    const token = await find(sendbird, input);
    notOwn(sendbird, token, "revoking");
    const rotation = await currentRotation(db);
    if (rotation && [rotation.old, rotation.replacement].some((t) => t.last4 === input.last4 && t.createdAt === input.createdAt)) {
      throw new AppError("in_rotation", `The token ending in ${input.last4} is part of the rotation under way. Finish or abandon the rotation first.`);
    }
    await sendbird.apiTokens.revoke(token.token);
    return ref(token);
  },
};

/** Step 1 of a rotation: a replacement is generated and shown once; the rotation is kept so it can be resumed. */
export const startRotation: ActionDefinition<typeof startRotationSchema, NewToken & { rotationId: string }> = {
  name: "api_token.rotation.start",
  permission: "tokens.manage",
  input: startRotationSchema,
  target: (input) => target(input),
  resultDetails: (made) => ({ replacement: masked(made) }),
  run: async ({ input, db, user, sendbird }) => {
    if (await currentRotation(db)) throw new AppError("rotation_open", "A rotation is already under way. Finish or abandon it first.");
    const old = await find(sendbird, input);
    notOwn(sendbird, old, "rotating");
    const made = await generate(sendbird);
    const rotation = await insertRotation(db, { old: ref(old), replacement: made, startedBy: user.email });
    if (!rotation)
      throw new AppError(
        "rotation_open",
        `Another rotation started at the same moment. The new token ending in ${made.last4} was made anyway; revoke it if it is not needed.`,
      );
    return { ...made, rotationId: rotation.id };
  },
};

/** A rotation step's audit target: the old token, with the replacement beside it. */
async function rotationTarget(db: Database, id: string) {
  const rotation = await currentRotation(db);
  return rotation && rotation.id === id ? target(rotation.old, { replacement: masked(rotation.replacement) }) : { type: "api_token", id: "" };
}

async function rotationOf(db: Database, id: string): Promise<Rotation> {
  const rotation = await currentRotation(db);
  if (!rotation || rotation.id !== id) throw new AppError("no_rotation", "This rotation has ended. Reload the page.");
  return rotation;
}

/**
 * Step 3: the pasted replacement must be the one generated for this rotation, and Sendbird must answer a
 * read made with it. The value is used for that one read and kept nowhere.
 */
export const checkRotation: ActionDefinition<typeof checkRotationSchema, { checkedAt: number }> = {
  name: "api_token.rotation.check",
  permission: "tokens.manage",
  input: checkRotationSchema,
  target: (input, _user, db) => rotationTarget(db, input.rotationId),
  run: async ({ input, db, sendbird }) => {
    const rotation = await rotationOf(db, input.rotationId);
    const pasted = input.token;
    const replacement = await find(sendbird, rotation.replacement);
    if (!sameToken(pasted, replacement.token)) {
      throw new FieldError({ token: `That is not the new token ending in ${rotation.replacement.last4}. Paste the value shown when the rotation started.` });
    }
    const trial = sendbird.withToken(pasted);
    try {
      await trial.users.list({ limit: 1 });
    } catch (err) {
      if (err instanceof SendbirdAuthError) throw new FieldError({ token: "Sendbird refused this token. Start a new rotation." });
      throw err;
    }
    const at = Date.now();
    await markChecked(db, rotation.id, at);
    await recordUse(db, rotation.replacement, "rotation_check", at);
    return { checkedAt: at };
  },
};

/** Step 4: the old token is revoked once the replacement was shown to work, and the rotation ends. */
export const finishRotation: ActionDefinition<typeof finishRotationSchema, TokenRef> = {
  name: "api_token.rotation.finish",
  permission: "tokens.manage",
  input: finishRotationSchema,
  target: (input, _user, db) => rotationTarget(db, input.rotationId),
  run: async ({ input, db, sendbird }) => {
    const rotation = await rotationOf(db, input.rotationId);
    if (rotation.checkedAt === null) throw new AppError("not_checked", "Check that the new token works before the old one is revoked.");
    if (input.confirmation.trim() !== rotation.old.last4)
      throw new FieldError({ confirmation: `Type ${rotation.old.last4}, the old token's last four characters, to revoke it.` });
    // Already revoked by hand is fine; any other failure (Sendbird down) must not end the rotation as done.
    const old = await find(sendbird, rotation.old).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "not_found") return null;
      throw err;
    });
    if (old) {
      notOwn(sendbird, old, "revoking");
      await sendbird.apiTokens.revoke(old.token);
    }
    await endRotation(db, rotation.id, "done");
    return rotation.old;
  },
};

/** Leaves a rotation: nothing is revoked; the replacement stays until revoked by hand. */
export const abandonRotation: ActionDefinition<typeof rotationStepSchema, TokenRef> = {
  name: "api_token.rotation.abandon",
  permission: "tokens.manage",
  input: rotationStepSchema,
  target: (input, _user, db) => rotationTarget(db, input.rotationId),
  run: async ({ input, db }) => {
    const rotation = await rotationOf(db, input.rotationId);
    await endRotation(db, rotation.id, "abandoned");
    return rotation.replacement;
  },
};
