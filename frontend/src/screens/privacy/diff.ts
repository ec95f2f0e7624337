// The comparison view's model: Go's line diff with line numbers on both
// sides, and long runs of unchanged lines folded away around the changes.
// Pure, so it is unit tested.
import type { PrivacyDiffLine, PrivacyDiffOp } from '../../api';

export interface DiffRow {
  kind: 'line';
  op: PrivacyDiffOp;
  text: string;
  /** 1-based line number in the older version; null for an added line. */
  oldNo: number | null;
  /** 1-based line number in the newer version; null for a removed line. */
  newNo: number | null;
}

export interface FoldRow {
  kind: 'fold';
  /** Identifies the fold so the view can unfold it. */
  id: number;
  rows: DiffRow[];
}

export type DiffItem = DiffRow | FoldRow;

export interface DiffStats {
  added: number;
  removed: number;
  same: number;
}

export function numberLines(lines: readonly PrivacyDiffLine[]): DiffRow[] {
  let oldNo = 0;
  let newNo = 0;
  return lines.map((l) => {
    if (l.op !== 'added') oldNo++;
    if (l.op !== 'removed') newNo++;
    return {
      kind: 'line',
      op: l.op,
      text: l.text,
      oldNo: l.op === 'added' ? null : oldNo,
      newNo: l.op === 'removed' ? null : newNo,
    };
  });
}

export function diffStats(lines: readonly PrivacyDiffLine[]): DiffStats {
  const s: DiffStats = { added: 0, removed: 0, same: 0 };
  for (const l of lines) s[l.op]++;
  return s;
}

/**
 * Keeps `context` unchanged lines around each change and folds longer runs
 * of unchanged lines into one row. A fold would hide at least `minFold`
 * lines, otherwise the lines stay. With no change at all, everything is kept.
 */
export function foldDiff(lines: readonly PrivacyDiffLine[], context = 3, minFold = 4): DiffItem[] {
  const rows = numberLines(lines);
  if (!rows.some((r) => r.op !== 'same')) return rows;
  const keep = rows.map(() => false);
  rows.forEach((r, i) => {
    if (r.op === 'same') return;
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) keep[j] = true;
  });
  const out: DiffItem[] = [];
  let run: DiffRow[] = [];
  let id = 0;
  const close = () => {
    if (run.length >= minFold) out.push({ kind: 'fold', id: id++, rows: run });
    else out.push(...run);
    run = [];
  };
  rows.forEach((r, i) => {
    if (keep[i]) {
      close();
      out.push(r);
    } else run.push(r);
  });
  close();
  return out;
}

/** The items with the given folds opened. */
export function unfold(items: readonly DiffItem[], open: ReadonlySet<number>): DiffItem[] {
  return items.flatMap((it) => (it.kind === 'fold' && open.has(it.id) ? it.rows : [it]));
}

/** The two versions to compare, oldest first, whatever order they were picked in. */
export function compareOrder<T extends { id: number }>(a: T, b: T): [T, T] {
  return a.id <= b.id ? [a, b] : [b, a];
}
