"use client";

import { useState } from "react";
import { FilterField } from "@/components/forms/filter-form";
import { Input } from "@/components/ui/input";
import { localTime, useHydrated } from "@/components/ui/local-time";
import { parseUtcInput } from "@/lib/format";

/**
 * The custom range's From and To, in UTC to the minute, each with the viewer's local time beside it as typed.
 * Typing a time also picks "Custom range" in the form's window choice, so a preset left chosen does not clash.
 */
export function CustomRangeInputs({ from, to }: { from: string; to: string }) {
  return (
    <>
      <RangeInput id="from" label="From (UTC)" defaultValue={from} />
      <RangeInput id="to" label="To (UTC)" defaultValue={to} />
    </>
  );
}

function RangeInput({ id, label, defaultValue }: { id: string; label: string; defaultValue: string }) {
  const [value, setValue] = useState(defaultValue);
  const hydrated = useHydrated();
  const parsed = hydrated && value ? parseUtcInput(value) : null;
  return (
    <FilterField id={id} label={label}>
      <Input
        id={id}
        name={id}
        type="datetime-local"
        defaultValue={defaultValue}
        className="w-52"
        aria-describedby={`${id}-local`}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          const range = event.currentTarget.form?.elements.namedItem("range");
          if (range instanceof HTMLSelectElement && event.currentTarget.value) range.value = "custom";
        }}
      />
      <p id={`${id}-local`} className="min-h-4 text-xs text-muted-foreground">
        {parsed ? `Your time: ${localTime(parsed.ms)}` : ""}
      </p>
    </FilterField>
  );
}
