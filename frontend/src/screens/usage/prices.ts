// Parsing what is typed into the price table.

/** Highest price the Go side accepts, in US dollars per million tokens. */
export const MAX_PRICE = 10_000;

/** A typed price ("2.5", "$0.075", " 10 ") as a number, or null when it isn't one from 0 to MAX_PRICE. */
export function parsePrice(text: string): number | null {
  const s = text.trim().replace(/^\$/, '').trim();
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) && v >= 0 && v <= MAX_PRICE ? v : null;
}
