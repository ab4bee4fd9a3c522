import * as published from "sendbird-platform-sdk-typescript";
import { isPlainObject, shown } from "./documented-fields-check";

/** One row of a generated model's `attributeTypeMap`: `baseName` is the wire name, `type` a TypeScript type. */
export interface Attribute {
  name: string;
  baseName: string;
  type: string;
}

export interface ModelClass {
  getAttributeTypeMap(): Attribute[];
}

/**
 * A field the emulator sends that a published model lacks, with the published source that shows it. `field: "*"`
 * reads the whole body as `type` instead of the model.
 */
export interface Allowance {
  model: string;
  field: string;
  type: string;
  source: string;
  why: string;
}

export interface ModelCheck {
  /** One line per difference, each starting with its JSON path; empty when the value fits. */
  mismatches: string[];
  /** The allowances the value needed. */
  used: Allowance[];
}

function isModelClass(value: unknown): value is ModelClass {
  return typeof value === "function" && "getAttributeTypeMap" in value && typeof value.getAttributeTypeMap === "function";
}

/** A model class of `sendbird-platform-sdk-typescript` by its name, e.g. "SendBirdUser". */
export function publishedModel(name: string): ModelClass | undefined {
  const found: unknown = (published as Record<string, unknown>)[name];
  return isModelClass(found) ? found : undefined;
}

const mapType = /^\{ \[key: string\]: (.+); \}$/;

/**
 * Checks a JSON value against a type as the TypeScript SDK's generator spells it (`string`, `number`, `boolean`,
 * `any`, `Array<T>`, `{ [key: string]: T; }`, a model name, or `void` for a body the SDK does not read), field by
 * field and recursively. A field the model lacks is a mismatch unless an allowance names it.
 */
export function checkModel(value: unknown, type: string, allowances: readonly Allowance[] = []): ModelCheck {
  const mismatches: string[] = [];
  const used = new Set<Allowance>();
  const wrong = (path: string, expected: string, actual: unknown) => mismatches.push(`${path}: expected ${expected}, got ${shown(actual)}`);

  function visit(v: unknown, t: string, path: string): void {
    if (t === "any") return;
    if (t === "string" || t === "boolean") {
      if (typeof v !== t) wrong(path, t, v);
      return;
    }
    if (t === "number") {
      if (typeof v !== "number" || !Number.isFinite(v)) wrong(path, t, v);
      return;
    }
    if (t === "void") {
      // The SDK reads nothing; the doc pages say the body is empty, and the 2.x spec answers `{}`.
      if (v !== undefined && !(isPlainObject(v) && Object.keys(v).length === 0)) wrong(path, "an empty body or {}", v);
      return;
    }
    const item = /^Array<(.+)>$/.exec(t)?.[1];
    if (item !== undefined) {
      if (Array.isArray(v)) v.forEach((element, i) => visit(element, item, `${path}[${i}]`));
      else wrong(path, t, v);
      return;
    }
    const mapValue = mapType.exec(t)?.[1];
    if (mapValue !== undefined) {
      if (isPlainObject(v)) for (const [key, element] of Object.entries(v)) visit(element, mapValue, `${path}.${key}`);
      else wrong(path, t, v);
      return;
    }
    visitModel(v, t, path);
  }

  function visitModel(v: unknown, name: string, path: string): void {
    const model = publishedModel(name);
    const whole = allowances.find((a) => a.model === name && a.field === "*");
    if (!model) {
      mismatches.push(`${path}: "${name}" is not a published model`);
    } else if (whole) {
      used.add(whole);
      visit(v, whole.type, path);
    } else if (!isPlainObject(v)) {
      wrong(path, name, v);
    } else {
      visitFields(v, name, model, path);
    }
  }

  function visitFields(v: Record<string, unknown>, name: string, model: ModelClass, path: string): void {
    const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
    for (const [field, fieldValue] of Object.entries(v)) {
      const fieldType = attributes.get(field);
      const allowance = fieldType === undefined ? allowances.find((a) => a.model === name && a.field === field) : undefined;
      if (allowance) used.add(allowance);
      const expected = fieldType ?? allowance?.type;
      if (expected === undefined) mismatches.push(`${path}.${field}: ${name} has no such field`);
      else visit(fieldValue, expected, `${path}.${field}`);
    }
  }

  visit(value, type, "$");
  return { mismatches, used: [...used] };
}
