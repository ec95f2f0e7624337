import { describe, expect, it } from 'vitest';
import type { KeyFinding, KeyPlace, KeyRecord, TeamMember } from '../../api/keys';
import {
  ageDays,
  daysUntil,
  detectKeyKind,
  findingsForKey,
  findingsForMember,
  groupFindings,
  initials,
  isCurrent,
  passphraseIssue,
  pastKeys,
  placesProgress,
  rotationState,
  sortKeys,
  strayKeys,
  suggestLabel,
  teamRows,
  worstSeverity,
} from './model';

function key(over: Partial<KeyRecord>): KeyRecord {
  return {
    id: 1,
    label: 'k',
    member_id: 1,
    member: 'Alice',
    environment: 'dev',
    kind: 'project',
    fingerprint: 'ab',
    redacted: 'sk-proj-…abcd',
    status: 'active',
    notes: '',
    created_at: '2026-01-01T00:00:00Z',
    marked_at: '',
    rotated_at: '',
    revoked_at: '',
    replaces: 0,
    replaced_by: 0,
    verified_at: '',
    verify_result: '',
    verify_detail: '',
    rotate_by: '2026-04-01',
    ...over,
  };
}

function finding(over: Partial<KeyFinding>): KeyFinding {
  const text = { en: '', 'zh-CN': '' };
  return {
    id: 'x',
    kind: 'shared_key',
    severity: 'high',
    members: [],
    labels: [],
    key_ids: [],
    title: text,
    why: text,
    fix: text,
    since: '',
    checklist: [],
    computed_at: '',
    ...over,
  };
}

function member(id: number, name: string): TeamMember {
  return { id, name, email: '', role: '', created_at: '', active_keys: 0 };
}

describe('findings', () => {
  const all = [
    finding({ id: 'a', severity: 'low' }),
    finding({ id: 'b', severity: 'critical' }),
    finding({ id: 'c', severity: 'medium' }),
    finding({ id: 'd', severity: 'critical' }),
  ];

  it('groups by severity, most urgent first, leaving out empty groups', () => {
    const groups = groupFindings(all);
    expect(groups.map((g) => g.severity)).toEqual(['critical', 'medium', 'low']);
    expect(groups[0]?.findings.map((f) => f.id)).toEqual(['b', 'd']);
    expect(groupFindings([])).toEqual([]);
  });

  it('names the worst severity', () => {
    expect(worstSeverity(all)).toBe('critical');
    expect(worstSeverity([finding({ severity: 'medium' })])).toBe('medium');
    expect(worstSeverity([])).toBeNull();
  });

  it('finds the findings about a key by id, or by label when ids are missing', () => {
    const byId = finding({ id: 'i', key_ids: [7, 8], labels: ['other'] });
    const byLabel = finding({ id: 'l', labels: ['bot-prod'] });
    const unrelated = finding({ id: 'u', key_ids: [9], labels: ['bot-prod'] });
    expect(findingsForKey([byId, byLabel, unrelated], { id: 8, label: 'bot-prod' }).map((f) => f.id)).toEqual(['i', 'l']);
  });

  it('finds the findings about a member that are not about a key', () => {
    const own = finding({ id: 'own', kind: 'member_without_key', members: ['Bob'] });
    const shared = finding({ id: 'shared', members: ['Bob', 'Alice'], labels: ['a'], key_ids: [1] });
    expect(findingsForMember([own, shared], 'Bob').map((f) => f.id)).toEqual(['own']);
    expect(findingsForMember([own, shared], 'Alice')).toEqual([]);
  });
});

describe('ages and dates', () => {
  const now = new Date('2026-03-11T12:00:00Z');

  it('counts whole days since a stamp', () => {
    expect(ageDays('2026-03-01T12:00:00Z', now)).toBe(10);
    expect(ageDays('2026-03-11T11:00:00Z', now)).toBe(0);
    expect(ageDays('2026-03-12T00:00:00Z', now)).toBe(0);
    expect(ageDays('', now)).toBeNull();
    expect(ageDays('garbage', now)).toBeNull();
  });

  it('counts calendar days to a date, negative once passed', () => {
    const local = new Date(2026, 2, 11, 23, 30);
    expect(daysUntil('2026-03-12', local)).toBe(1);
    expect(daysUntil('2026-03-11', local)).toBe(0);
    expect(daysUntil('2026-03-01', local)).toBe(-10);
    expect(daysUntil('', local)).toBeNull();
  });

  it('says where a key stands against its rotation date', () => {
    const today = new Date(2026, 2, 11, 9);
    expect(rotationState(key({ rotate_by: '2026-03-10' }), today)).toBe('overdue');
    expect(rotationState(key({ rotate_by: '2026-03-11' }), today)).toBe('overdue');
    expect(rotationState(key({ rotate_by: '2026-03-20' }), today)).toBe('soon');
    expect(rotationState(key({ rotate_by: '2026-06-01' }), today)).toBe('ok');
    expect(rotationState(key({ rotate_by: '' }), today)).toBe('none');
    expect(rotationState(key({ status: 'retired', rotate_by: '2026-03-10' }), today)).toBe('none');
  });
});

describe('keys and members', () => {
  it('tells current keys from history', () => {
    expect(isCurrent({ status: 'active' })).toBe(true);
    expect(isCurrent({ status: 'rotation_due' })).toBe(true);
    expect(isCurrent({ status: 'retired' })).toBe(false);
    expect(isCurrent({ status: 'revoked' })).toBe(false);
  });

  it('sorts production first, then by label', () => {
    const keys = [
      key({ id: 1, label: 'b', environment: 'dev' }),
      key({ id: 2, label: 'z', environment: 'prod' }),
      key({ id: 3, label: 'a', environment: 'dev' }),
      key({ id: 4, label: 'm', environment: 'staging' }),
    ];
    expect(sortKeys(keys).map((k) => k.id)).toEqual([2, 4, 3, 1]);
    expect(keys[0]?.id).toBe(1); // the input is left alone
  });

  it('lists past keys, most recently ended first', () => {
    const keys = [
      key({ id: 1, status: 'retired', rotated_at: '2026-02-01T00:00:00Z' }),
      key({ id: 2, status: 'active' }),
      key({ id: 3, status: 'revoked', revoked_at: '2026-03-01T00:00:00Z' }),
    ];
    expect(pastKeys(keys).map((k) => k.id)).toEqual([3, 1]);
  });

  it('puts each member with their current keys, and finds strays', () => {
    const members = [member(1, 'Alice'), member(2, 'Bob')];
    const keys = [
      key({ id: 1, member_id: 1, label: 'a-dev' }),
      key({ id: 2, member_id: 1, label: 'a-prod', environment: 'prod' }),
      key({ id: 3, member_id: 1, status: 'revoked' }),
      key({ id: 4, member_id: 9 }),
    ];
    const rows = teamRows(members, keys);
    expect(rows.map((r) => [r.member.name, r.keys.map((k) => k.id)])).toEqual([
      ['Alice', [2, 1]],
      ['Bob', []],
    ]);
    expect(strayKeys(members, keys).map((k) => k.id)).toEqual([4]);
  });
});

describe('pasted keys', () => {
  it('tells the kind from the prefix alone', () => {
    expect(detectKeyKind('sk-proj-abc')).toBe('project');
    expect(detectKeyKind('  "sk-svcacct-abc"')).toBe('service_account');
    expect(detectKeyKind('sk-admin-abc')).toBe('admin');
    expect(detectKeyKind('sk-abc')).toBe('legacy_user');
    expect(detectKeyKind('sk-ant-abc')).toBeNull();
    expect(detectKeyKind('hello')).toBeNull();
    expect(detectKeyKind('')).toBeNull();
  });

  it('suggests a free label', () => {
    expect(suggestLabel('Alice Chen', 'dev', [])).toBe('alice-chen-dev');
    expect(suggestLabel('Alice Chen', 'dev', ['alice-chen-dev', 'Alice-Chen-Dev-2'])).toBe('alice-chen-dev-3');
    expect(suggestLabel('陈 爱丽', 'prod', [])).toBe('陈-爱丽-prod');
    expect(suggestLabel('!!!', 'staging', [])).toBe('key-staging');
  });
});

describe('passphrases', () => {
  it('asks for ten characters, typed the same twice', () => {
    expect(passphraseIssue('', '')).toBe('empty');
    expect(passphraseIssue('short', 'short')).toBe('short');
    expect(passphraseIssue('long enough', 'long enougH')).toBe('mismatch');
    expect(passphraseIssue('long enough', 'long enough')).toBeNull();
    expect(passphraseIssue('口令口令口令口令口令', '口令口令口令口令口令')).toBeNull();
  });
});

describe('small things', () => {
  it('counts places ticked off', () => {
    const p = (id: number, done: string): KeyPlace => ({ id, key_id: 1, place: 'x', added_at: '', done_at: done });
    expect(placesProgress([p(1, ''), p(2, '2026-01-01T00:00:00Z')])).toEqual({ done: 1, total: 2 });
    expect(placesProgress([])).toEqual({ done: 0, total: 0 });
  });

  it('makes initials', () => {
    expect(initials('Alice Chen')).toBe('AC');
    expect(initials('bob')).toBe('B');
    expect(initials('Anna Maria Lopez')).toBe('AL');
    expect(initials('  ')).toBe('?');
    expect(initials('陈爱丽')).toBe('陈');
  });
});
