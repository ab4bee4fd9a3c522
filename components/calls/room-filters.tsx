import { FilterActions, FilterField, FilterInput, NativeSelect, PageSizeField, firstValue } from "@/components/forms/filter-form";
import type { FilterValues } from "@/components/forms/filter-form";
import { roomTypeText } from "@/lib/calls/rooms-query";

/** The rooms filters as a GET form: every filter Sendbird's list of rooms offers. */
export function RoomFilters({ values }: { values: FilterValues }) {
  const text = (id: string, label: string, props: Omit<React.ComponentProps<typeof FilterInput>, "id" | "label"> = {}) => (
    <FilterInput id={id} label={label} defaultValue={firstValue(values[id])} {...props} />
  );
  return (
    <form method="get" action="/calls/rooms" className="space-y-4 rounded-lg border p-4" aria-label="Filter rooms">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FilterField id="type" label="Type">
          <NativeSelect id="type" name="type" defaultValue={firstValue(values.type)}>
            <option value="">Any type</option>
            <option value="small_room_for_video">{roomTypeText("small_room_for_video")}</option>
            <option value="large_room_for_audio_only">{roomTypeText("large_room_for_audio_only")}</option>
          </NativeSelect>
        </FilterField>
        <FilterField id="state" label="State">
          <NativeSelect id="state" name="state" defaultValue={firstValue(values.state)}>
            <option value="">Open or deleted</option>
            <option value="open">Open</option>
            <option value="deleted">Deleted</option>
          </NativeSelect>
        </FilterField>
        {text("from", "Created from (UTC)", { placeholder: "2026-11-01" })}
        {text("to", "Created to (UTC)", { placeholder: "2026-11-25" })}
        {text("minParticipants", "Fewest in the room now", { inputMode: "numeric" })}
        {text("maxParticipants", "Most in the room now", { inputMode: "numeric" })}
        {text("createdBy", "Created by (user ids, comma-separated)")}
        <PageSizeField value={values.limit} />
      </div>
      <FilterActions clearHref="/calls/rooms" />
    </form>
  );
}
