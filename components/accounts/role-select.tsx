"use client";

import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { roles } from "@/lib/auth/roles";
import type { Role } from "@/lib/auth/roles";

const roleHints: Record<Role, string> = {
  admin: "everything, including accounts, tokens and the audit trail",
  operator: "reads, operates live events, manages users",
  support: "reads only",
};

/** A role picker whose value is submitted with the form as `role`. */
export function RoleSelect({ id, defaultValue, error }: { id: string; defaultValue: Role; error?: string | undefined }) {
  return (
    <div className="space-y-2">
      <Label htmlFor={id}>Role</Label>
      <Select name="role" defaultValue={defaultValue}>
        <SelectTrigger id={id} className="w-full" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {roles.map((r) => (
            <SelectItem key={r} value={r}>
              <span className="capitalize">{r}</span>
              <span className="text-xs text-muted-foreground">— {roleHints[r]}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {error && (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
