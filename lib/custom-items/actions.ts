import "server-only";
import type { z } from "zod";
import type { ActionDefinition } from "@/lib/actions/core";
import { FieldError } from "@/lib/errors";
import { customItemLimits } from "@/lib/key-values";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { removeCustomItemsSchema, updateCustomItemsSchema } from "./schemas";

/**
 * Something whose custom items the Platform API changes. Only direct calls today: live events' and rooms'
 * custom items are changed by Sendbird's client SDKs, not with an API token.
 */
export interface CustomItemsOwner {
  /** The audit target type, also the action names' prefix: `direct_call.custom_items.update`. */
  type: "direct_call";
  /** What the owner is called in messages: "event", "call", "room". */
  noun: string;
  idSchema: z.core.$ZodType<string>;
  read(sendbird: SendbirdClient, id: string): Promise<Record<string, string>>;
  /** Adds or changes the given items, keeping the others (upsert). */
  upsert(sendbird: SendbirdClient, id: string, items: Record<string, string>): Promise<Record<string, string>>;
  remove(sendbird: SendbirdClient, id: string, keys: string[]): Promise<Record<string, string>>;
}

type Items = Record<string, string>;

/**
 * The two custom-item actions of an owner (a call), with the calls' operate permission: save the editor's rows (the owner
 * keeps at most 10 items in all, checked against what it holds now) and delete chosen keys. Both are
 * audited with the keys they touched, never the values.
 */
export function customItemsActions(owner: CustomItemsOwner): {
  update: ActionDefinition<ReturnType<typeof updateCustomItemsSchema>, Items>;
  remove: ActionDefinition<ReturnType<typeof removeCustomItemsSchema>, Items>;
} {
  const keyList = (keys: string[]) => keys.join(",").slice(0, 500);
  return {
    update: {
      name: `${owner.type}.custom_items.update`,
      permission: "calls.operate",
      input: updateCustomItemsSchema(owner),
      target: (input) => ({ type: owner.type, id: input.targetId, details: { keys: keyList(Object.keys(input.customItems)) } }),
      run: async ({ input, sendbird }) => {
        const current = await owner.read(sendbird, input.targetId);
        const total = new Set([...Object.keys(current), ...Object.keys(input.customItems)]).size;
        if (total > customItemLimits.maxItems) {
          throw new FieldError({
            customItems: `${/^[aeiou]/.test(owner.noun) ? "An" : "A"} ${owner.noun} holds at most ${customItemLimits.maxItems} custom items; this would make ${total}. Delete some first.`,
          });
        }
        return owner.upsert(sendbird, input.targetId, input.customItems);
      },
    },
    remove: {
      name: `${owner.type}.custom_items.delete`,
      permission: "calls.operate",
      input: removeCustomItemsSchema(owner),
      target: (input) => ({ type: owner.type, id: input.targetId, details: { keys: keyList([...new Set(input.keys)]) } }),
      run: ({ input, sendbird }) => owner.remove(sendbird, input.targetId, [...new Set(input.keys)]),
    },
  };
}
