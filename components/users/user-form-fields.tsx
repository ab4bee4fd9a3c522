"use client";

import { Field } from "@/components/forms/field";
import { KeyValueEditor } from "@/components/forms/key-value-editor";
import { metadataLimits } from "@/lib/key-value-limits";
import type { KeyValueRow } from "@/lib/key-value-limits";

export interface UserFormValues {
  nickname: string;
  profileUrl: string;
  /** Only when creating: an existing user's metadata is edited key by key on its own card. */
  metadata?: KeyValueRow[];
}

/**
 * Nickname, profile URL and (when creating) metadata, with the Chat API's limits beside each field. Ids are
 * prefixed: the users page also has filter fields named "nickname".
 */
export function UserFormFields({
  values,
  onChange,
  error,
}: {
  values: UserFormValues;
  onChange: (v: UserFormValues) => void;
  error: (field: string) => string | undefined;
}) {
  return (
    <>
      <Field
        id="user-nickname"
        label="Nickname"
        value={values.nickname}
        onChange={(e) => onChange({ ...values, nickname: e.target.value })}
        hint="Up to 80 characters; may be empty."
        error={error("nickname")}
      />
      <Field
        id="user-profileUrl"
        label="Profile image URL"
        value={values.profileUrl}
        placeholder="https://"
        onChange={(e) => onChange({ ...values, profileUrl: e.target.value })}
        hint="An http(s) address, up to 2,048 characters; empty for none."
        error={error("profileUrl")}
      />
      {values.metadata && (
        <KeyValueEditor
          name="metadata"
          legend="Metadata"
          limits={metadataLimits}
          rows={values.metadata}
          onChange={(metadata) => onChange({ ...values, metadata })}
          error={error}
        />
      )}
    </>
  );
}
