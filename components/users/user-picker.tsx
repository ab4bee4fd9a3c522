"use client";

import { X } from "lucide-react";
import { useId, useState } from "react";
import { useSearch } from "@/components/forms/use-search";
import { userSearchQuery } from "@/lib/queries/search";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * Picks up to `max` users: type part of a nickname or an exact id, then choose a match (or take the
 * typed id as it is). The chosen ids show as removable chips.
 */
export function UserPicker({
  label,
  value,
  onChange,
  max,
  error,
  hint,
}: {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  max: number;
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const search = useSearch(q, userSearchQuery);
  const full = value.length >= max;

  const add = (userId: string) => {
    if (!value.includes(userId) && !full) onChange([...value, userId]);
    setQ("");
  };
  const term = q.trim();
  const matches = search.kind === "done" ? search.result.users : [];
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");

  return (
    <div className="space-y-2">
      <Label htmlFor={`${id}-search`}>{label}</Label>
      {value.length > 0 && (
        <ul aria-label={`Chosen ${label.toLowerCase()}`} className="flex flex-wrap gap-2">
          {value.map((userId) => (
            <li key={userId} className="flex items-center gap-1 rounded-full border bg-muted px-3 py-0.5 font-mono text-xs">
              {userId}
              <button
                type="button"
                className="rounded-full p-0.5 hover:bg-background"
                aria-label={`Remove ${userId}`}
                onClick={() => onChange(value.filter((v) => v !== userId))}
              >
                <X className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      <Input
        id={`${id}-search`}
        value={q}
        disabled={full}
        placeholder={full ? `${max} chosen: that is the most` : "Nickname or user id"}
        autoComplete="off"
        maxLength={80}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setQ(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            if (term) add(matches[0]?.userId ?? term);
          }
        }}
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {hint ?? `Search by nickname prefix or exact id.`} {value.length} of {max} chosen.
      </p>
      {term && (
        <div role="status" className="text-xs text-muted-foreground">
          {search.kind === "searching" && "Searching…"}
          {search.kind === "failed" && <span className="text-destructive">{search.message}</span>}
          {search.kind === "done" && matches.length === 0 && `No user's id or nickname starts with "${term}".`}
        </div>
      )}
      {term && (
        <ul aria-label="Matching users" className="divide-y rounded-md border">
          {matches.map((u) => (
            <li key={u.userId}>
              <Button
                type="button"
                variant="ghost"
                className="h-auto w-full justify-start py-1.5"
                disabled={value.includes(u.userId)}
                onClick={() => add(u.userId)}
              >
                <span className="font-mono text-xs">{u.userId}</span>
                <span className="text-muted-foreground">{u.nickname || "(no nickname)"}</span>
                {!u.isActive && <span className="text-xs text-destructive">deactivated</span>}
              </Button>
            </li>
          ))}
          {!matches.some((u) => u.userId === term) && (
            <li>
              <Button type="button" variant="ghost" className="h-auto w-full justify-start py-1.5" onClick={() => add(term)}>
                Use “{term}” as a user id
              </Button>
            </li>
          )}
        </ul>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
