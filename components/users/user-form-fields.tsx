"use client";

import { Field } from "@/components/forms/field";
import { KeyValueEditor } from "@/components/forms/key-value-editor";
import { metadataLimits } from "@/lib/key-value-limits";
import type { KeyValueRow } from "@/lib/key-value-limits";

export interface UserFormValues {
  nickname: string;
  profileUrl: string;
  metadata: KeyValueRow[];
}

/**
 * Nickname, profile URL and metadata, with the Chat API's limits beside each field (create and edit). Ids are
 * prefixed: the users page also has filter fields named "nickname".
 */
export function UserFormFields({ values, onChange, error }: { values: UserFormValues; onChange: (v: UserFormValues) => void; error: (field: string) => string | undefined }) {
  return (
    <>
      <Field id="user-nickname" label="Nickname" value={values.nickname} onChange={(e) => onChange({ ...values, nickname: e.target.value })} hint="Up to 80 characters; may be empty." error={error("nickname")} />
      <Field
        id="user-profileUrl"
        label="Profile image URL"
        value={values.profileUrl}
        placeholder="https://"
        onChange={(e) => onChange({ ...values, profileUrl: e.target.value })}
        hint="An http(s) address, up to 2,048 characters; empty for none."
        error={error("profileUrl")}
      />
      <KeyValueEditor name="metadata" legend="Metadata" limits={metadataLimits} rows={values.metadata} onChange={(metadata) => onChange({ ...values, metadata })} error={error} />
    </>
  );
}
