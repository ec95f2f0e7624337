// Number, money and date formatting of the Usage screen, in either language.
// Pure (the language is a parameter) so both locales are unit-tested; the
// components pass locale.current.
import type { Lang } from '../../api/types';

const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, opts);
    cache.set(key, f);
  }
  return f;
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

/** 1,234,567 */
export function fmtInt(n: number, lang: Lang): string {
  return nf(lang, { maximumFractionDigits: 0 }).format(Math.round(finite(n)));
}

/** Exact below ten thousand, then short: 12K, 3.4M / 1.2万, 3.4亿. */
export function fmtCompact(n: number, lang: Lang): string {
  const v = finite(n);
  if (Math.abs(v) < 10_000) return fmtInt(v, lang);
  return nf(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

/** An average: two significant digits below 10 (0.03, 2.5), then like fmtCompact. */
export function fmtAverage(n: number, lang: Lang): string {
  const v = finite(n);
  if (v === 0) return '0';
  if (Math.abs(v) < 10) return nf(lang, { maximumSignificantDigits: 2 }).format(v);
  return fmtCompact(v, lang);
}

/** Axis labels: short at any size (900, 1.5K, 2M / 900, 1.5千, 200万). */
export function fmtAxis(n: number, lang: Lang): string {
  const v = finite(n);
  if (Math.abs(v) < 1000) return nf(lang, { maximumFractionDigits: 2 }).format(v);
  return nf(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(v);
}

/**
 * US dollars, "$" in both languages: $1,234.56; costs under a cent keep
 * two significant digits ($0.0042) so small usage doesn't read as free.
 */
export function fmtUSD(n: number, lang: Lang): string {
  const v = finite(n);
  const base: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' };
  if (v !== 0 && Math.abs(v) < 0.01) {
    return nf(lang, { ...base, minimumFractionDigits: 2, maximumSignificantDigits: 2 }).format(v);
  }
  return nf(lang, { ...base, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
}

/** Dollars on an axis: $0.25, $12, $1.5K */
export function fmtUSDAxis(n: number, lang: Lang): string {
  const v = finite(n);
  const base: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' };
  if (Math.abs(v) >= 1000) return nf(lang, { ...base, notation: 'compact', maximumFractionDigits: 1 }).format(v);
  return nf(lang, { ...base, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(v);
}

/** A price per million tokens: $2.50, $0.075, $0.005 */
export function fmtPrice(n: number, lang: Lang): string {
  return nf(lang, {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(finite(n));
}

/** 0.123 → 12.3% (one decimal below 10%, none above). */
export function fmtPercent(ratio: number, lang: Lang): string {
  const v = finite(ratio);
  return nf(lang, { style: 'percent', maximumFractionDigits: Math.abs(v) < 0.1 ? 1 : 0 }).format(v);
}

const UTC = 'UTC';

function dateOf(iso: string): Date | null {
  if (!iso) return null;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

function df(lang: Lang, opts: Intl.DateTimeFormatOptions, iso: string): string {
  const d = dateOf(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(lang, { timeZone: UTC, ...opts }).format(d);
}

/** An x-axis day: Mar 12 / 3月12日 (UTC). */
export function fmtDayShort(iso: string, lang: Lang): string {
  return df(lang, { month: 'short', day: 'numeric' }, iso);
}

/** A day with its year: 12 Mar 2026 / 2026年3月12日 (UTC). */
export function fmtDay(iso: string, lang: Lang): string {
  return df(lang, { year: 'numeric', month: 'short', day: 'numeric' }, iso);
}

/** A tooltip's day: Thu, Mar 12, 2026 / 2026年3月12日周四 (UTC). */
export function fmtDayLong(iso: string, lang: Lang): string {
  return df(lang, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }, iso);
}

/** An x-axis hour: 14:00 (UTC). */
export function fmtHour(iso: string, lang: Lang): string {
  return df(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, iso);
}

/** A tooltip's hour: Mar 12, 14:00 / 3月12日 14:00 (UTC). */
export function fmtHourLong(iso: string, lang: Lang): string {
  return df(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, iso);
}

/** A moment in UTC: Mar 12, 2026, 14:05 UTC. */
export function fmtDateTimeUTC(iso: string, lang: Lang): string {
  const s = df(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, iso);
  return s === iso ? s : `${s} UTC`;
}

/** The short form of a key fingerprint: its first 8 hex digits. */
export function shortFingerprint(fp: string): string {
  return fp.length > 12 ? `${fp.slice(0, 8)}…` : fp;
}
