import { EmulatorError } from "./errors";

/** Chat codes for "should have been a …" errors. */
const chatTypeCodes = { string: 400100, number: 400101, list: 400102, object: 400103, boolean: 400104 } as const;
type Expected = keyof typeof chatTypeCodes;

function typeError(name: string, expected: Expected): EmulatorError {
  const article = expected === "object" ? "a JSON object" : expected === "list" ? "a list" : `a ${expected}`;
  return new EmulatorError("invalid", `"${name}" should be ${article}.`, { chatCode: chatTypeCodes[expected] });
}

function tooLong(name: string, max: number): EmulatorError {
  return new EmulatorError("invalid", `"${name}" must be at most ${max} characters.`, { chatCode: 400110 });
}

export function missing(name: string): EmulatorError {
  return new EmulatorError("missing", `"${name}" is required.`);
}

export function invalid(message: string): EmulatorError {
  return new EmulatorError("invalid", message);
}

interface StringRule {
  required?: boolean;
  max?: number;
  /** Chat code when longer than `max` (e.g. 400305 for user ids). */
  tooLongCode?: number;
  allowEmpty?: boolean;
}

interface ListRule {
  required?: boolean;
  min?: number;
  max?: number;
  itemMax?: number;
}

interface MapRule {
  maxItems: number;
  keyMax: number;
  valueMax: number;
  /** Keys may not contain commas (they are sent comma-separated when deleting). */
  noCommaInKeys?: boolean;
}

/** Reads and checks fields of a JSON body; every failure is an EmulatorError the host turns into its code. */
export class BodyReader {
  constructor(private readonly body: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.body[name] !== undefined;
  }

  string(name: string, rule: StringRule & { required: true }): string;
  string(name: string, rule?: StringRule): string | undefined;
  string(name: string, rule: StringRule = {}): string | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) {
      if (rule.required) throw missing(name);
      return undefined;
    }
    if (typeof value !== "string") throw typeError(name, "string");
    if (rule.max !== undefined && [...value].length > rule.max) {
      const err = tooLong(name, rule.max);
      throw rule.tooLongCode ? new EmulatorError("invalid", err.message, { chatCode: rule.tooLongCode }) : err;
    }
    if (rule.required && !rule.allowEmpty && value.trim() === "") {
      throw new EmulatorError("invalid", `"${name}" must not be empty.`, { chatCode: 400151 });
    }
    return value;
  }

  boolean(name: string): boolean | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "boolean") throw typeError(name, "boolean");
    return value;
  }

  integer(name: string, rule: { min?: number; max?: number } = {}): number | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isSafeInteger(value)) throw typeError(name, "number");
    checkRange(name, value, rule);
    return value;
  }

  stringList(name: string, rule: ListRule & { required: true }): string[];
  stringList(name: string, rule?: ListRule): string[] | undefined;
  stringList(name: string, rule: ListRule = {}): string[] | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) {
      if (rule.required) throw missing(name);
      return undefined;
    }
    if (!Array.isArray(value)) throw typeError(name, "list");
    for (const item of value) {
      if (typeof item !== "string") throw typeError(`${name}[]`, "string");
      if (rule.itemMax !== undefined && [...item].length > rule.itemMax) throw tooLong(`${name}[]`, rule.itemMax);
      if (item.trim() === "") throw new EmulatorError("invalid", `"${name}" must not contain empty values.`, { chatCode: 400151 });
    }
    checkCount(name, value.length, rule);
    return value as string[];
  }

  stringMap(name: string, rule: MapRule): Record<string, string> | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "object" || Array.isArray(value)) throw typeError(name, "object");
    return checkStringMap(name, value as Record<string, unknown>, rule);
  }
}

/** Checks a key/value map against its item, key and value limits. */
export function checkStringMap(name: string, value: Record<string, unknown>, rule: MapRule): Record<string, string> {
  const entries = Object.entries(value);
  if (entries.length > rule.maxItems) {
    throw new EmulatorError("too_many", `"${name}" may hold at most ${rule.maxItems} items.`, { chatCode: 400203 });
  }
  const out: [string, string][] = [];
  for (const [key, item] of entries) {
    if (key.trim() === "") throw invalid(`"${name}" keys must not be empty.`);
    if ([...key].length > rule.keyMax) throw tooLong(`${name} key`, rule.keyMax);
    if (rule.noCommaInKeys && key.includes(",")) throw invalid(`"${name}" keys must not contain commas.`);
    if (typeof item !== "string") throw typeError(`${name}.${key}`, "string");
    if ([...item].length > rule.valueMax) throw tooLong(`${name}.${key}`, rule.valueMax);
    out.push([key, item]);
  }
  // fromEntries defines own properties, so a key such as "__proto__" is kept as data.
  return Object.fromEntries(out);
}

function checkRange(name: string, value: number, rule: { min?: number; max?: number }): void {
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
    const range = `${rule.min ?? "-∞"}–${rule.max ?? "∞"}`;
    throw new EmulatorError("invalid", `"${name}" must be between ${range}.`, { chatCode: 400111 });
  }
}

function checkCount(name: string, count: number, rule: ListRule): void {
  if (rule.min !== undefined && count < rule.min) {
    if (count === 0 && rule.required) throw missing(name);
    throw invalid(`"${name}" needs at least ${rule.min} item(s).`);
  }
  if (rule.max !== undefined && count > rule.max) {
    throw new EmulatorError("too_many", `"${name}" may hold at most ${rule.max} items.`, { chatCode: 400203 });
  }
}

/** Reads and checks query-string parameters. */
export class QueryReader {
  constructor(private readonly params: URLSearchParams) {}

  string(name: string, rule: { max?: number } = {}): string | undefined {
    const value = this.params.get(name);
    if (value === null || value === "") return undefined;
    if (rule.max !== undefined && [...value].length > rule.max) throw tooLong(name, rule.max);
    return value;
  }

  integer(name: string, rule: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.params.get(name);
    if (raw === null || raw === "") return undefined;
    if (!/^-?\d{1,16}$/.test(raw)) throw typeError(name, "number");
    const value = Number(raw);
    if (!Number.isSafeInteger(value)) throw typeError(name, "number");
    checkRange(name, value, rule);
    return value;
  }

  boolean(name: string): boolean | undefined {
    const raw = this.params.get(name);
    if (raw === null || raw === "") return undefined;
    if (raw === "true") return true;
    if (raw === "false") return false;
    throw typeError(name, "boolean");
  }

  /** `limit`: 1–100, default 10, as on every list of the three APIs. */
  limit(): number {
    return this.integer("limit", { min: 1, max: 100 }) ?? 10;
  }

  /** A comma-separated multi-value filter, URL-decoded by URLSearchParams. */
  list(name: string, rule: { max?: number; allowed?: readonly string[] } = {}): string[] | undefined {
    const raw = this.params.get(name);
    if (raw === null || raw === "") return undefined;
    const values = raw.split(",").filter((v) => v !== "");
    if (rule.max !== undefined && values.length > rule.max) {
      throw new EmulatorError("too_many", `"${name}" may hold at most ${rule.max} values.`, { chatCode: 400203 });
    }
    if (rule.allowed) {
      const bad = values.find((v) => !rule.allowed?.includes(v));
      if (bad !== undefined) throw invalid(`"${name}" has an unknown value "${bad}"; allowed: ${rule.allowed.join(", ")}.`);
    }
    return values;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const raw = this.params.get(name);
    if (raw === null || raw === "") return undefined;
    const found = allowed.find((v) => v === raw);
    if (found === undefined) throw invalid(`"${name}" must be one of: ${allowed.join(", ")}.`);
    return found;
  }
}
