// The gateway's warnings come from Go in English; the known ones are shown
// in the user's language, anything else as it came.
import type { MessageKey } from '../../i18n/index.svelte';
import type { Params } from '../../i18n/format';

export interface Warning {
  key: MessageKey | null;
  params: Params;
  /** The text as Go gave it, for unknown warnings. */
  raw: string;
}

const KNOWN: { re: RegExp; key: MessageKey; names: string[] }[] = [
  { re: /^The gateway listens on (\S+), which other machines can reach/, key: 'gateway.warn.exposed', names: ['listen'] },
  { re: /^The upstream (\S+) is plain HTTP/, key: 'gateway.warn.plainUpstream', names: ['upstream'] },
  { re: /^No upstream key is set/, key: 'gateway.warn.noKey', names: [] },
];

export function describeWarning(text: string): Warning {
  for (const k of KNOWN) {
    const m = k.re.exec(text);
    if (m) {
      const params: Params = {};
      k.names.forEach((n, i) => (params[n] = (m[i + 1] ?? '').replace(/,$/, '')));
      return { key: k.key, params, raw: text };
    }
  }
  return { key: null, params: {}, raw: text };
}

/** host:port → the base URL apps would use. */
export function baseURLFor(listen: string): string {
  return listen ? `http://${listen}/v1` : '';
}

/** Splits typed allowed models (commas, spaces or lines) into a clean list. */
export function parseModels(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.split(/[\s,]+/)) if (m.trim()) seen.add(m.trim());
  return [...seen];
}

/** Bytes as whole megabytes for the settings form, and back. */
export function toMB(bytes: number): string {
  return bytes > 0 ? String(Math.round(bytes / (1 << 20))) : '';
}
export function fromMB(text: string): number | null {
  const s = text.trim();
  if (s === '') return 0;
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 4096 ? n * (1 << 20) : null;
}
