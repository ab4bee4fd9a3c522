"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { UserPicker } from "@/components/users/user-picker";
import { createEvent } from "@/lib/actions/live-events";
import { createEventSchema } from "@/lib/live-events/schemas";
import { liveEventPath } from "@/lib/paths";

/** The create form: every limit is checked here, beside its field, before anything is sent. */
export function CreateEventForm() {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [coverUrl, setCoverUrl] = useState("");
  const [type, setType] = useState<"video" | "audio">("video");
  const [hosts, setHosts] = useState<string[]>([]);
  const input = { title, coverUrl, type, hostCandidates: hosts };
  const create = useAction(createEvent, { schema: createEventSchema, input });

  return (
    <form
      id={create.formId}
      aria-label="New live event"
      className="max-w-2xl space-y-6"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.run(input, (event) => {
          toast.success("Event created. Set it ready when the hosts are.");
          router.push(liveEventPath(event.id));
        });
      }}
    >
      <FormError message={create.formError()} />
      <Field
        id="title"
        label="Title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        hint={`${title.trim().length} of 191 characters; optional.`}
        error={create.fieldError("title")}
      />
      <Field
        id="coverUrl"
        label="Cover URL"
        type="url"
        value={coverUrl}
        onChange={(e) => setCoverUrl(e.target.value)}
        placeholder="https://"
        hint="An http(s) image address, up to 2,048 characters; optional."
        error={create.fieldError("coverUrl")}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Type</legend>
        <div className="flex gap-6 text-sm">
          {(
            [
              ["video", "Video"],
              ["audio", "Audio only"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="type" value={value} checked={type === value} onChange={() => setType(value)} className="accent-primary" />
              {label}
            </label>
          ))}
        </div>
        <p className="text-xs text-muted-foreground">The type cannot be changed after the event is created.</p>
      </fieldset>
      <UserPicker
        label="Host candidates"
        value={hosts}
        onChange={setHosts}
        max={10}
        error={create.fieldError("hostCandidates")}
        hint="Users who may host: 1 to 10. Search by nickname prefix or exact id."
      />
      <div className="flex gap-2">
        <Button type="submit" pending={create.pending} pendingLabel="Creating…">
          Create event
        </Button>
        <Button type="button" variant="outline" onClick={() => router.push("/live-events")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
