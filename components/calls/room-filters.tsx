import { FilterField, FilterInput, FilterToolbar, NativeSelect, PageSizeField, firstValue } from "@/components/forms/filter-form";
import type { FilterValues } from "@/components/forms/filter-form";
import { roomTypeText } from "@/lib/calls/rooms-query";
import type { FilterChipDef } from "@/lib/lists/active-filters";

const chips: FilterChipDef[] = [
  { key: "type", label: "Type", text: roomTypeText },
  { key: "state", label: "State", text: (v) => (v === "open" ? "Open" : v === "deleted" ? "Deleted" : v) },
  { key: "from", label: "Created from" },
  { key: "to", label: "Created to" },
  { key: "minParticipants", label: "Fewest in the room" },
  { key: "maxParticipants", label: "Most in the room" },
  { key: "createdBy", label: "Created by" },
];

/** The rooms filters as a GET form: every filter Sendbird's list of rooms offers. */
export function RoomFilters({ values }: { values: FilterValues }) {
  const text = (id: string, label: string, props: Omit<React.ComponentProps<typeof FilterInput>, "id" | "label"> = {}) => (
    <FilterInput id={id} label={label} defaultValue={firstValue(values[id])} {...props} />
  );
  return (
    <FilterToolbar
      action="/calls/rooms"
      label="Filter rooms"
      values={values}
      chips={chips}
      main={
        <>
          <div className="w-full sm:w-56">
            <FilterField id="type" label="Type">
              <NativeSelect id="type" name="type" defaultValue={firstValue(values.type)}>
                <option value="">Any type</option>
                <option value="small_room_for_video">{roomTypeText("small_room_for_video")}</option>
                <option value="large_room_for_audio_only">{roomTypeText("large_room_for_audio_only")}</option>
              </NativeSelect>
            </FilterField>
          </div>
          <div className="w-full sm:w-44">
            <FilterField id="state" label="State">
              <NativeSelect id="state" name="state" defaultValue={firstValue(values.state)}>
                <option value="">Open or deleted</option>
                <option value="open">Open</option>
                <option value="deleted">Deleted</option>
              </NativeSelect>
            </FilterField>
          </div>
          <div className="w-full sm:w-56">{text("createdBy", "Created by (user ids, comma-separated)")}</div>
        </>
      }
      more={
        <>
          {text("from", "Created from (UTC)", { placeholder: "2026-11-01" })}
          {text("to", "Created to (UTC)", { placeholder: "2026-11-25" })}
          {text("minParticipants", "Fewest in the room now", { inputMode: "numeric" })}
          {text("maxParticipants", "Most in the room now", { inputMode: "numeric" })}
          <PageSizeField value={values.limit} />
        </>
      }
    />
  );
}
