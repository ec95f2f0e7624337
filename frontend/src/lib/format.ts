// The one place numbers, money and times are formatted, in either language.
// Pure (the language is a parameter) so both locales are unit-tested; the
// components pass locale.current. Moments are shown in the computer's time
// zone (fmtDateTime, fmtTime); UTC only where a report counts UTC days (the
// usage log), and then labelled.
import type { Lang } from '../api/types';

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
 * US dollars, "$" in both languages, in cents: $1,234.56; a cost under a
 * cent reads "< $0.01" so small usage neither reads as free nor as $0.000006.
 */
export function fmtUSD(n: number, lang: Lang): string {
  const v = finite(n);
  const base: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' };
  const cents = nf(lang, { ...base, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (v !== 0 && Math.abs(v) < 0.005) return `${v < 0 ? '> ' : '< '}${cents.format(v < 0 ? -0.01 : 0.01)}`;
  return cents.format(v);
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

function local(value: string | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (!value) return null;
  // Plain dates (YYYY-MM-DD) are calendar days, not UTC instants.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d;
}

const dtCache = new Map<string, Intl.DateTimeFormat>();

/** The computer's own locale when it speaks the UI's language (en-GB keeps its 24-hour clock). */
function userLocale(lang: Lang): string {
  const own = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  const base = lang.split('-')[0] ?? lang;
  return own.find((l) => l && l.split('-')[0] === base && (base !== 'zh' || /CN|Hans/i.test(l))) ?? lang;
}

function ldf(lang: Lang, opts: Intl.DateTimeFormatOptions, value: string | Date, timeZone?: string): string {
  const d = local(value);
  if (!d) return String(value);
  const loc = userLocale(lang);
  const key = loc + (timeZone ?? '') + JSON.stringify(opts);
  let f = dtCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(loc, { ...opts, timeZone });
    dtCache.set(key, f);
  }
  return f.format(d);
}

/** A calendar day in the computer's zone: Mar 12, 2026 / 2026年3月12日. */
export function fmtDate(value: string | Date, lang: Lang, timeZone?: string): string {
  return ldf(lang, { year: 'numeric', month: 'short', day: 'numeric' }, value, timeZone);
}

/**
 * A moment in the computer's time zone and the user's clock: Mar 12, 2026,
 * 10:25 PM / 2026年3月12日 22:25. The one format of every time on screen.
 */
export function fmtDateTime(value: string | Date, lang: Lang, timeZone?: string): string {
  return ldf(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }, value, timeZone);
}

/** A time of day today, with seconds: 10:25:07 PM / 22:25:07. */
export function fmtTime(value: string | Date, lang: Lang, timeZone?: string): string {
  return ldf(lang, { hour: 'numeric', minute: '2-digit', second: '2-digit' }, value, timeZone);
}

/** The short form of a key fingerprint: its first 8 hex digits. */
export function shortFingerprint(fp: string): string {
  return fp.length > 12 ? `${fp.slice(0, 8)}…` : fp;
}
