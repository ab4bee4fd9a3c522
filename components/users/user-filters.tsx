import { FilterField, FilterInput, FilterToolbar, NativeSelect, PageSizeField, firstValue } from "@/components/forms/filter-form";
import type { FilterValues } from "@/components/forms/filter-form";
import type { FilterChipDef } from "@/lib/lists/active-filters";

const statusText: Record<string, string> = { active: "Active", deactivated: "Deactivated", all: "All" };

const chips: FilterChipDef[] = [
  { key: "nicknamePrefix", label: "Nickname starts with" },
  { key: "nickname", label: "Nickname is" },
  { key: "ids", label: "User ids" },
  { key: "status", label: "Status", text: (v) => statusText[v] ?? v, unless: "active" },
  { key: "metadataKey", label: "Metadata key" },
  { key: "metadataValues", label: "Metadata values" },
];

/** Every search of the Chat API's user list as a GET form: the URL is the state, any view is a link. */
export function UserFilters({ values }: { values: FilterValues }) {
  const text = (id: string, label: string, props: Omit<React.ComponentProps<typeof FilterInput>, "id" | "label"> = {}) => (
    <FilterInput id={id} label={label} defaultValue={firstValue(values[id])} {...props} />
  );
  return (
    <FilterToolbar
      action="/users"
      label="Search users"
      values={values}
      chips={chips}
      main={
        <>
          <div className="w-full sm:w-64">{text("nicknamePrefix", "Nickname starts with", { type: "search" })}</div>
          <div className="w-full sm:w-64">{text("ids", "User ids", { placeholder: "comma-separated" })}</div>
          <div className="w-full sm:w-40">
            <FilterField id="status" label="Status">
              <NativeSelect id="status" name="status" defaultValue={firstValue(values.status) || "active"}>
                <option value="active">Active</option>
                <option value="deactivated">Deactivated</option>
                <option value="all">All</option>
              </NativeSelect>
            </FilterField>
          </div>
        </>
      }
      more={
        <>
          {text("nickname", "Nickname is exactly")}
          {text("metadataKey", "Metadata key")}
          {text("metadataValues", "Metadata values", { placeholder: "comma-separated" })}
          <PageSizeField value={values.limit} />
        </>
      }
    />
  );
}
