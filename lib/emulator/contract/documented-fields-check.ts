import { callsTables } from "./documented-calls-fields";
import type { DocumentedField, DocumentedTable, FieldType, TableName } from "./documented-fields";
import { liveTables } from "./documented-live-fields";

export const documentedTables: Record<TableName, DocumentedTable> = { ...liveTables, ...callsTables };

/** Every row with its table, for checks on the tables themselves. */
export function documentedRows(): { table: TableName; row: DocumentedField }[] {
  // Object.entries widens the keys to string; they are the keys of the record above.
  return Object.entries(documentedTables).flatMap(([table, { fields }]) => fields.map((row) => ({ table: table as TableName, row })));
}

/** Whether a JSON value is an object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON value as a mismatch line names it. */
export function shown(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

function named(type: FieldType): string {
  if (typeof type === "string") return type;
  return "object" in type ? `an object (${type.object})` : `a list of ${type.list}`;
}

/**
 * Checks a JSON value against a documented table: every key must be a row of the table, every value the row's
 * type (nested objects against their own tables, null only where the row allows it, a listed value where the row
 * lists values), and every row marked always-present must be there. Returns one line per difference, each
 * starting with its JSON path. `seen` collects `table.field` for every row met, and `table.field=value` for
 * listed values, so a caller can tell which rows its answers exercised.
 */
export function checkDocumented(value: unknown, table: TableName, seen: Set<string> = new Set()): string[] {
  const mismatches: string[] = [];
  const wrong = (path: string, expected: string, actual: unknown) => {
    mismatches.push(`${path}: expected ${expected}, got ${shown(actual)}`);
  };

  function visitTable(v: unknown, name: TableName, path: string): void {
    if (!isPlainObject(v)) return wrong(path, `an object (${name})`, v);
    const { fields } = documentedTables[name];
    for (const [key, fieldValue] of Object.entries(v)) {
      const row = fields.find((f) => f.field === key);
      if (!row) {
        mismatches.push(`${path}.${key}: a ${name} has no such field`);
        continue;
      }
      seen.add(`${name}.${key}`);
      visitField(fieldValue, row, name, `${path}.${key}`);
    }
    for (const row of fields) {
      if (row.presence === "always" && !(row.field in v)) mismatches.push(`${path}.${row.field}: missing, and every ${name} has it`);
    }
  }

  function visitField(v: unknown, row: DocumentedField, name: TableName, path: string): void {
    if (v === null) {
      if (!row.nullable) wrong(path, named(row.type), v);
      return;
    }
    visitType(v, row.type, path);
    if (row.values && typeof v === "string") {
      seen.add(`${name}.${row.field}=${v}`);
      if (!row.values.includes(v)) mismatches.push(`${path}: ${JSON.stringify(v)} is not one of ${row.values.join(", ")}`);
    }
  }

  function visitType(v: unknown, type: FieldType, path: string): void {
    if (type === "string" || type === "boolean") {
      if (typeof v !== type) wrong(path, type, v);
    } else if (type === "integer") {
      if (!Number.isSafeInteger(v)) wrong(path, type, v);
    } else if (type === "string map") {
      if (!isPlainObject(v)) wrong(path, type, v);
      else for (const [key, item] of Object.entries(v)) visitType(item, "string", `${path}.${key}`);
    } else if (type === "string list") {
      if (!Array.isArray(v)) wrong(path, type, v);
      else v.forEach((item, i) => visitType(item, "string", `${path}[${i}]`));
    } else if ("object" in type) {
      visitTable(v, type.object, path);
    } else if (!Array.isArray(v)) {
      wrong(path, named(type), v);
    } else {
      v.forEach((item, i) => visitTable(item, type.list, `${path}[${i}]`));
    }
  }

  visitTable(value, table, "$");
  return mismatches;
}
