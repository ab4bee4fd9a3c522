"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { customItemLimits } from "@/lib/custom-items";
import type { CustomItemRow } from "@/lib/custom-items";

/**
 * Key/value rows with Sendbird's limits at hand: 10 items, 128 characters each, no comma in a key.
 * `error(path)` gives the message for `name.<row>.key` / `.value`, shown beside that field.
 */
export function CustomItemsEditor({
  name = "customItems",
  rows,
  onChange,
  error,
  max = customItemLimits.maxItems,
  lockedRows = 0,
}: {
  name?: string;
  rows: CustomItemRow[];
  onChange: (rows: CustomItemRow[]) => void;
  error: (field: string) => string | undefined;
  /** How many rows may be added here (fewer when the event already holds items). */
  max?: number;
  /** How many leading rows hold items that exist already: their value can change, their key cannot. */
  lockedRows?: number;
}) {
  const set = (i: number, patch: Partial<CustomItemRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const listError = error(name);
  return (
    <fieldset className="space-y-2" aria-describedby={`${name}-limits`}>
      <legend className="text-sm font-medium">Custom items</legend>
      <p id={`${name}-limits`} className="text-xs text-muted-foreground">
        {rows.length} of {max} · keys and values up to {customItemLimits.maxKeyLength} characters; a key cannot contain a comma.
      </p>
      {rows.map((row, i) => {
        const keyError = error(`${name}.${i}.key`);
        const valueError = error(`${name}.${i}.value`);
        const locked = i < lockedRows;
        return (
          <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
            <div>
              <Input
                aria-label={`Key ${i + 1}`}
                value={row.key}
                readOnly={locked}
                maxLength={customItemLimits.maxKeyLength + 1}
                aria-invalid={keyError ? true : undefined}
                aria-describedby={keyError ? `${name}-${i}-key-error` : undefined}
                onChange={(e) => set(i, { key: e.target.value })}
              />
              {keyError && (
                <p id={`${name}-${i}-key-error`} className="mt-1 text-sm text-destructive">
                  {keyError}
                </p>
              )}
            </div>
            <div>
              <Input
                aria-label={`Value ${i + 1}`}
                value={row.value}
                maxLength={customItemLimits.maxValueLength + 1}
                aria-invalid={valueError ? true : undefined}
                aria-describedby={valueError ? `${name}-${i}-value-error` : undefined}
                onChange={(e) => set(i, { value: e.target.value })}
              />
              {valueError && (
                <p id={`${name}-${i}-value-error`} className="mt-1 text-sm text-destructive">
                  {valueError}
                </p>
              )}
            </div>
            {locked ? (
              <span className="w-9" />
            ) : (
              <Button type="button" variant="ghost" size="icon" aria-label={`Remove row ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                <X aria-hidden />
              </Button>
            )}
          </div>
        );
      })}
      <Button type="button" variant="outline" size="sm" disabled={rows.length >= max} onClick={() => onChange([...rows, { key: "", value: "" }])}>
        <Plus aria-hidden /> Add item
      </Button>
      {rows.length >= max && <p className="text-xs text-muted-foreground">That is the most an event can hold.</p>}
      {listError && <p className="text-sm text-destructive">{listError}</p>}
    </fieldset>
  );
}
