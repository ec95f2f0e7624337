// The one decode layer: what the bindings resolve with (Go's JSON) made into
// strict values. Go encodes nil slices and maps as null, omits `omitempty`
// fields and zero times as "0001-01-01…", so every list, optional string and
// enum gets its default here, once; the facades' decoders are built from
// these. Shapes come from the generated models (./wailsjs/go/models) where
// they match.

export type Obj = Record<string, unknown>;

/** An object, or {} for anything else (null, arrays, scalars). */
export function obj(v: unknown): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
}

/** A string; a number as its text; "" for anything else. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** A finite number, else 0. */
export function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** A whole number, else 0. */
export function int(v: unknown): number {
  return Math.trunc(num(v));
}

/** A finite number, or null when there is none. */
export function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** true only for true. */
export function bool(v: unknown): boolean {
  return v === true;
}

/** A boolean, or null when unanswered. */
export function maybe(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

/** A list with each element decoded; null (Go's nil slice) is []. */
export function list<T>(v: unknown, each: (x: unknown) => T): T[] {
  return Array.isArray(v) ? v.map(each) : [];
}

export function strs(v: unknown): string[] {
  return list(v, str);
}

/** One of an enum's values (the generated enums' lists), else fallback. */
export function oneOf<T extends string>(values: readonly T[], v: unknown, fallback: T): T {
  const s = str(v);
  return (values as readonly string[]).includes(s) ? (s as T) : fallback;
}

/** A time as Go sent it; Go's zero time.Time ("0001-01-01T00:00:00Z") means "not set": "". */
export function time(v: unknown): string {
  const s = str(v);
  return s.startsWith('0001-01-01') ? '' : s;
}

export function nothing(): void {
  return undefined;
}
