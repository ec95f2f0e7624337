// The gateway's stored guard events (gateway_events), read whether or not the
// gateway runs, and how the Overview turns them into alerts: the alerts of
// the last days, folded like the running gateway folds them and merged with
// the live ones without showing one twice.
import * as GatewayScreenBindings from './wailsjs/go/gui/Gateway';
import { call } from './errors';
import { GATEWAY_ALERT_KINDS, type GatewayAlert, type GatewayAlertKind } from './gateway';
import { obj, str, list } from './wire';

/** One stored guard event (an alert, a block, a release…). */
export interface GuardEvent {
  /** RFC 3339, UTC. */
  at: string;
  kind: string;
  member: string;
  subject: string;
  provider: string;
  /** English from Go; never a key or a prompt. */
  detail: string;
}

interface EventsBinding {
  Events: (limit: number) => Promise<unknown>;
}
const screen: EventsBinding = GatewayScreenBindings;

function decodeEvent(v: unknown): GuardEvent {
  const o = obj(v);
  return {
    at: str(o['at']),
    kind: str(o['kind']),
    member: str(o['member']),
    subject: str(o['subject']),
    provider: str(o['provider']),
    detail: str(o['detail']),
  };
}

/** The newest stored guard events, newest first. */
export const gatewayEvents = (limit = 500): Promise<GuardEvent[]> =>
  call(() => screen.Events(limit), (v) => list(v, decodeEvent));

/** How many days of stored alerts the Overview shows. */
export const STORED_ALERT_DAYS = 7;

const alertKey = (a: Pick<GatewayAlert, 'kind' | 'provider' | 'member' | 'message'>): string =>
  JSON.stringify([a.kind, a.provider, a.member, a.message]);

/** The stored events that are alerts and no older than days before now,
 * repeats folded into one alert (count, first and latest time), newest first. */
export function storedAlerts(events: GuardEvent[], now: Date, days = STORED_ALERT_DAYS): GatewayAlert[] {
  const since = now.getTime() - days * 24 * 60 * 60 * 1000;
  const byKey = new Map<string, GatewayAlert>();
  for (const e of events) {
    if (!(GATEWAY_ALERT_KINDS as readonly string[]).includes(e.kind)) continue;
    const t = Date.parse(e.at);
    if (!Number.isFinite(t) || t < since) continue;
    const a: GatewayAlert = {
      time: e.at,
      first: e.at,
      kind: e.kind as GatewayAlertKind,
      provider: e.provider,
      member: e.member,
      message: e.detail,
      count: 1,
    };
    const k = alertKey(a);
    const seen = byKey.get(k);
    if (!seen) {
      byKey.set(k, a);
      continue;
    }
    seen.count++;
    if (t > Date.parse(seen.time)) seen.time = e.at;
    if (t < Date.parse(seen.first)) seen.first = e.at;
  }
  return newestFirst([...byKey.values()]);
}

/** The running gateway's alerts with the stored ones it does not already
 * show (the live list is since the gateway started; the stored one keeps
 * earlier ones and those of a stopped gateway), newest first. */
export function mergeAlerts(live: GatewayAlert[], stored: GatewayAlert[]): GatewayAlert[] {
  const liveKeys = new Set(live.map(alertKey));
  return newestFirst([...live, ...stored.filter((a) => !liveKeys.has(alertKey(a)))]);
}

function newestFirst(as: GatewayAlert[]): GatewayAlert[] {
  return as.sort((a, b) => (Date.parse(b.time) || 0) - (Date.parse(a.time) || 0));
}
