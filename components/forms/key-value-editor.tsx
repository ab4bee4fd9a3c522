"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { KeyValueLimits, KeyValueRow } from "@/lib/key-value-limits";

/**
 * Key/value rows (custom items, metadata) with Sendbird's limits at hand, no comma in a key.
 * `error(path)` gives the message for `name.<row>.key` / `.value`, shown beside that field.
 */
export function KeyValueEditor({
  name,
  legend,
  limits,
  rows,
  onChange,
  error,
  lockedRows = 0,
}: {
  /** The field's name in the action's input, e.g. `customItems`. */
  name: string;
  legend: string;
  limits: KeyValueLimits;
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  error: (field: string) => string | undefined;
  /** How many leading rows hold items that exist already: their value can change, their key cannot. */
  lockedRows?: number;
}) {
  const set = (i: number, patch: Partial<KeyValueRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const listError = error(name);
  return (
    <fieldset className="space-y-2" aria-describedby={listError ? `${name}-limits ${name}-error` : `${name}-limits`}>
      <legend className="text-sm font-medium">{legend}</legend>
      <p id={`${name}-limits`} className="text-xs text-muted-foreground">
        {rows.length} of {limits.maxItems} · keys up to {limits.maxKeyLength} characters, values up to {limits.maxValueLength}; a key cannot contain a comma.
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
                maxLength={limits.maxKeyLength + 1}
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
                maxLength={limits.maxValueLength + 1}
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
      <Button type="button" variant="outline" size="sm" disabled={rows.length >= limits.maxItems} onClick={() => onChange([...rows, { key: "", value: "" }])}>
        <Plus aria-hidden /> Add item
      </Button>
      {rows.length >= limits.maxItems && (
        <p className="text-xs text-muted-foreground">
          That is the most Sendbird keeps: {limits.maxItems} {limits.noun}.
        </p>
      )}
      {listError && (
        <p id={`${name}-error`} className="text-sm text-destructive">
          {listError}
        </p>
      )}
    </fieldset>
  );
}
