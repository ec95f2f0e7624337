import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./wailsjs/go/gui/Gateway', () => ({ Events: vi.fn() }));

import * as Screen from './wailsjs/go/gui/Gateway';
import type { GatewayAlert } from './gateway';
import { gatewayEvents, mergeAlerts, storedAlerts, type GuardEvent } from './gatewayEvents';

beforeEach(() => vi.clearAllMocks());

const now = new Date('2026-12-08T12:00:00Z');
const ev = (at: string, kind: string, detail: string, member = 'Ana', provider = 'openai'): GuardEvent => ({
  at,
  kind,
  member,
  subject: '',
  provider,
  detail,
});
const alert = (time: string, message: string, over: Partial<GatewayAlert> = {}): GatewayAlert => ({
  time,
  first: time,
  kind: 'account_trouble',
  provider: 'openai',
  member: 'Ana',
  message,
  count: 1,
  ...over,
});

describe('storedAlerts', () => {
  it('keeps alert kinds of the last days and drops other events and old ones', () => {
    const out = storedAlerts(
      [
        ev('2026-12-07T09:00:00Z', 'account_trouble', 'insufficient_quota'),
        ev('2026-12-06T09:00:00Z', 'end_user_released', 'released by Ana'),
        ev('2026-11-20T09:00:00Z', 'account_trouble', 'account_deactivated'),
        ev('not a time', 'low_headroom', 'x'),
      ],
      now,
    );
    expect(out.map((a) => a.message)).toEqual(['insufficient_quota']);
    expect(out[0]?.kind).toBe('account_trouble');
  });

  it('folds repeats into one alert with the count and the first and latest times', () => {
    const out = storedAlerts(
      [
        ev('2026-12-08T10:00:00Z', 'account_trouble', 'insufficient_quota'),
        ev('2026-12-05T10:00:00Z', 'account_trouble', 'insufficient_quota'),
        ev('2026-12-07T10:00:00Z', 'account_trouble', 'insufficient_quota'),
        ev('2026-12-07T11:00:00Z', 'account_trouble', 'insufficient_quota', 'Bo'),
      ],
      now,
    );
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ member: 'Ana', count: 3, time: '2026-12-08T10:00:00Z', first: '2026-12-05T10:00:00Z' });
    expect(out[1]).toMatchObject({ member: 'Bo', count: 1 });
  });
});

describe('mergeAlerts', () => {
  it('shows a stored alert the live list also has once, as the live one', () => {
    const live = [alert('2026-12-08T11:00:00Z', 'insufficient_quota', { count: 2 })];
    const stored = [
      alert('2026-12-08T10:00:00Z', 'insufficient_quota', { count: 5 }),
      alert('2026-12-06T10:00:00Z', 'account_deactivated'),
    ];
    const out = mergeAlerts(live, stored);
    expect(out.map((a) => [a.message, a.count])).toEqual([
      ['insufficient_quota', 2],
      ['account_deactivated', 1],
    ]);
  });

  it('shows the stored alerts when the gateway is stopped, newest first', () => {
    const out = mergeAlerts([], [alert('2026-12-05T10:00:00Z', 'a'), alert('2026-12-07T10:00:00Z', 'b')]);
    expect(out.map((a) => a.message)).toEqual(['b', 'a']);
  });

  it('keeps alerts that differ by member or provider apart', () => {
    const out = mergeAlerts([alert('2026-12-08T10:00:00Z', 'q')], [alert('2026-12-08T09:00:00Z', 'q', { member: 'Bo' })]);
    expect(out).toHaveLength(2);
  });
});

describe('gatewayEvents', () => {
  it('decodes the stored events', async () => {
    // A wire answer without subject, as Go's omitted field would be.
    const wire: unknown = [{ at: '2026-12-08T10:00:00Z', kind: 'account_trouble', member: 'Ana', provider: 'openai', detail: 'q' }];
    vi.mocked(Screen.Events).mockResolvedValue(wire as Awaited<ReturnType<typeof Screen.Events>>);
    const out = await gatewayEvents(10);
    expect(Screen.Events).toHaveBeenCalledWith(10);
    expect(out).toEqual([{ at: '2026-12-08T10:00:00Z', kind: 'account_trouble', member: 'Ana', subject: '', provider: 'openai', detail: 'q' }]);
  });
});
