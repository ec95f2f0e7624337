// Field paths ("international_transfers.transfers[0].contact"), the field
// problems Go reports when it refuses answers, and the save that keeps
// everything else when one value is invalid. Pure, so it is unit tested.

/** One invalid value: the answers field and Go's words for what is wrong. */
export interface FieldProblem {
  field: string;
  problem: string;
}

// Go's privacy.answersError writes one problem a line:
//   field "organisation.email": "x" is not an email address
//   字段“organisation.email”：“x”不是有效的电子邮件地址
// optionally after "<file>: " and before " (line N)" / "（第 N 行）".
const EN = /(?:^|:\s)field "([^"]+)": (.*)$/;
const ZH = /(?:^|：)字段“([^”]+)”：(.*)$/;
const LINE = /\s*(?:\(line \d+\)|（第 \d+ 行）)\s*$/;

/** The field problems in a rejected save's message; [] when it names none. */
export function parseFieldProblems(message: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const raw of message.split('\n')) {
    const line = raw.trim();
    const m = EN.exec(line) ?? ZH.exec(line);
    if (!m?.[1]) continue;
    out.push({ field: m[1], problem: (m[2] ?? '').replace(LINE, '').trim() });
  }
  return out;
}

/** The problems that concern a field or anything inside it (list items, sub-fields). */
export function problemsAt(problems: readonly FieldProblem[], path: string): FieldProblem[] {
  return problems.filter((p) => p.field === path || p.field.startsWith(`${path}[`) || p.field.startsWith(`${path}.`));
}

export type Segment = string | number;

/** "a.b[2].c" → ["a", "b", 2, "c"]. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

type Container = Record<string | number, unknown>;

function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null;
}

/** The value at a path, or undefined. */
export function getPath(root: unknown, path: string | Segment[]): unknown {
  let v: unknown = root;
  for (const seg of typeof path === 'string' ? parsePath(path) : path) {
    if (!isContainer(v)) return undefined;
    v = v[seg];
  }
  return v;
}

/** Sets the value at a path in place; does nothing when a parent is missing. */
export function setPath(root: unknown, path: string | Segment[], value: unknown): void {
  const segs = typeof path === 'string' ? parsePath(path) : path;
  const last = segs[segs.length - 1];
  const parent = getPath(root, segs.slice(0, -1));
  if (last === undefined || !isContainer(parent)) return;
  parent[last] = value;
}

function emptyLike(v: unknown): unknown {
  if (typeof v === 'string') return '';
  if (typeof v === 'number') return 0;
  if (typeof v === 'boolean') return null;
  if (Array.isArray(v)) return [];
  return v;
}

/**
 * A copy of `answers` in which every field Go refused is put back to what was
 * last saved there (or emptied when nothing of that kind was saved), so the
 * rest can still be saved. A refused list item (a region, a category
 * reference, a safeguard) is dropped, and so is a new data category whose
 * key is refused: keys must be valid, and purposes referring to it are then
 * refused in turn and dropped by the next round.
 */
export function withoutInvalid<T>(answers: T, saved: unknown, fields: readonly string[]): T {
  const copy = structuredClone(answers);
  const drops = new Map<string, { list: unknown[]; indexes: Set<number> }>();
  const drop = (segs: Segment[]) => {
    const index = segs[segs.length - 1];
    const list = getPath(copy, segs.slice(0, -1));
    if (typeof index !== 'number' || !Array.isArray(list)) return;
    const key = JSON.stringify(segs.slice(0, -1));
    const entry = drops.get(key) ?? { list, indexes: new Set<number>() };
    entry.indexes.add(index);
    drops.set(key, entry);
  };
  for (const field of fields) {
    const segs = parsePath(field);
    const last = segs[segs.length - 1];
    if (typeof last === 'number') {
      drop(segs);
      continue;
    }
    const current = getPath(copy, segs);
    const before = getPath(saved, segs);
    if (last === 'id' && typeof before !== 'string') {
      drop(segs.slice(0, -1)); // a new category with a bad key: leave it out for now
      continue;
    }
    setPath(copy, segs, before !== undefined && typeof before === typeof current ? structuredClone(before) : emptyLike(current));
  }
  for (const { list, indexes } of drops.values()) {
    for (const i of [...indexes].sort((a, b) => b - a)) list.splice(i, 1);
  }
  return copy;
}
