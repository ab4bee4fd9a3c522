import { FilterActions, FilterField, FilterInput, NativeSelect, PageSizeField, firstValue } from "@/components/forms/filter-form";
import type { FilterValues } from "@/components/forms/filter-form";

/** Every search of the Chat API's user list as a GET form: the URL is the state, any view is a link. */
export function UserFilters({ values }: { values: FilterValues }) {
  const text = (id: string, label: string, props: Omit<React.ComponentProps<typeof FilterInput>, "id" | "label"> = {}) => (
    <FilterInput id={id} label={label} defaultValue={firstValue(values[id])} {...props} />
  );
  return (
    <form method="get" action="/users" className="space-y-3 rounded-lg border p-4" aria-label="Search users">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {text("nicknamePrefix", "Nickname starts with")}
        {text("nickname", "Nickname is exactly")}
        {text("ids", "User ids", { placeholder: "comma-separated" })}
        <FilterField id="status" label="Status">
          <NativeSelect id="status" name="status" defaultValue={firstValue(values.status) || "active"}>
            <option value="active">Active</option>
            <option value="deactivated">Deactivated</option>
            <option value="all">All</option>
          </NativeSelect>
        </FilterField>
        {text("metadataKey", "Metadata key")}
        {text("metadataValues", "Metadata values", { placeholder: "comma-separated" })}
        <PageSizeField value={values.limit} />
      </div>
      <FilterActions clearHref="/users" />
    </form>
  );
}
