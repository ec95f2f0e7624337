// The moderation facade's decoders (src/api/moderation.ts): Go's nulls and
// omitted fields become empty values, unknown enums safe ones, and the
// bridge's lost error messages an empty message the screen replaces.
import { describe, expect, it } from 'vitest';
import { MODERATION_CATEGORIES, moderationDecoders as d } from '../../api/moderation';
import { toAppError } from '../../api/errors';

describe('moderation decoders', () => {
  it('decodes a suite, with null thresholds as none', () => {
    expect(d.suite({ id: 3, name: 'Starter', item_count: 26, labelled: 0, thresholds: null })).toEqual({
      id: 3,
      name: 'Starter',
      created_at: '',
      updated_at: '',
      item_count: 26,
      labelled: 0,
      thresholds: {},
    });
    expect(d.suite({ thresholds: { violence: 0.4, hate: 'x' } }).thresholds).toEqual({ violence: 0.4 });
  });

  it('decodes items and keeps only boolean labels', () => {
    expect(d.item({ id: 1, suite_id: 2, position: 0, text: 'hi', image_path: null, expected: { violence: true, hate: 1 } })).toEqual({
      id: 1,
      suite_id: 2,
      position: 0,
      text: 'hi',
      image_path: '',
      expected: { violence: true },
    });
  });

  it('decodes runs; an unknown status reads as interrupted', () => {
    const r = d.run({ id: 9, status: 'exploded', total: 10, done: 4, errors: 1, rpm: null });
    expect(r.status).toBe('interrupted');
    expect(r.rpm).toBe(0);
    expect(d.run({ status: 'paused' }).status).toBe('paused');
  });

  it('decodes an import result with null skipped rows', () => {
    expect(d.importResult({ suite_id: 4, imported: 3, skipped: null })).toEqual({ suite_id: 4, imported: 3, skipped: [] });
    expect(d.importResult({ skipped: [{ line: 7, reason: 'the line is not JSON', reason_zh: '该行不是 JSON' }] }).skipped).toEqual([
      { line: 7, reason: 'the line is not JSON', reason_zh: '该行不是 JSON' },
    ]);
  });

  it('gives results all 13 categories, with nulls for a legacy model', () => {
    const r = d.result({
      state: 'done',
      flagged: true,
      categories: { violence: true, illicit: null, extra: false },
      scores: { violence: 0.9, illicit: null },
      applied_input_types: { violence: ['text', 'image'], hate: null },
    });
    for (const c of MODERATION_CATEGORIES) expect(c in r.categories && c in r.scores).toBe(true);
    expect(r.categories['violence']).toBe(true);
    expect(r.categories['illicit']).toBeNull();
    expect(r.categories['hate']).toBeNull();
    expect(r.categories['extra']).toBe(false);
    expect(r.scores['violence']).toBe(0.9);
    expect(r.scores['illicit']).toBeNull();
    expect(r.applied_input_types).toEqual({ violence: ['text', 'image'], hate: [] });
    expect(d.result({ state: 'weird' }).state).toBe('pending');
  });

  it('decodes a result page', () => {
    const p = d.page({
      run: { id: 1, status: 'completed' },
      thresholds: null,
      counts: { total: 1, errors: 1, per_category: null },
      matching: 1,
      page: 0,
      pages: 0,
      rows: [{ result: { index: 0, state: 'error', error: 'bad', error_zh: '坏' }, verdict: { flagged: false, categories: null, top: '' }, changed: false }],
    });
    expect(p.thresholds).toEqual({});
    expect(p.counts).toEqual({ total: 1, flagged: 0, unflagged: 0, errors: 1, pending: 0, changed: 0, mismatched: 0, per_category: {} });
    expect(p.pages).toBe(1);
    expect(p.rows[0]?.result.error).toBe('bad');
    expect(p.rows[0]?.mismatch).toBe(false);
    expect(p.rows[0]?.verdict.categories['hate']).toBeNull();
    expect(d.page(null).rows).toEqual([]);
  });

  it('decodes a comparison with null changes', () => {
    const c = d.comparison({ run_a: { id: 1 }, run_b: { id: 2 }, compared: 5, unchanged: 5, changes: null });
    expect(c.changes).toEqual([]);
    expect(c.run_b.id).toBe(2);
  });

  it('decodes metrics, keeping missing precision and recall as null', () => {
    const m = d.metrics({
      run_id: 3,
      labelled: 2,
      categories: [{ category: 'violence', labelled: 2, counts: { tp: 1, fp: 0, fn: 1, tn: 0 }, precision: 1, recall: 0.5 }],
      sweep: [{ category: 'violence', labelled: 2, points: [{ threshold: 0.05, counts: null, precision: null, recall: 0.5 }] }],
    });
    expect(m.categories[0]).toMatchObject({ precision: 1, recall: 0.5, counts: { tp: 1, fp: 0, fn: 1, tn: 0 } });
    expect(m.sweep[0]?.points[0]).toEqual({ threshold: 0.05, counts: { tp: 0, fp: 0, fn: 0, tn: 0 }, precision: null, recall: 0.5 });
  });

  it('decodes progress; a missing or negative ETA is unknown', () => {
    const p = d.progress({
      run_id: 5,
      done: 8,
      total: 32,
      rate: 2.5,
      eta_seconds: 9.6,
      state: 'waiting',
      waiting_until: '2026-11-24T17:52:14.123Z',
      wait_reason: 'rate_limit',
      requests: 3,
      rate_limited: 1,
    });
    expect(p).toMatchObject({ run_id: 5, eta_seconds: 9.6, state: 'waiting', wait_reason: 'rate_limit', final: false });
    expect(d.progress({ eta_seconds: -1 }).eta_seconds).toBe(-1);
    expect(d.progress({}).eta_seconds).toBe(-1);
    expect(d.progress({ state: 'completed', final: true })).toMatchObject({ state: 'completed', final: true });
    expect(d.progress({ state: '??', wait_reason: 'nap' })).toMatchObject({ state: 'running', wait_reason: '' });
  });

  it('offers only current keys, by label', () => {
    const keys = d.keyOptions([
      { label: 'prod', status: 'active', redacted: 'sk-…a' },
      { label: 'old', status: 'revoked' },
      { label: 'due', status: 'rotation_due' },
      { label: '', status: 'active' },
    ]);
    expect(keys.map((k) => k.label)).toEqual(['due', 'prod']);
    expect(d.keyOptions(null)).toEqual([]);
  });

  it('decodes a report summary', () => {
    expect(d.report({ run_id: 2, model: 'm', summary: { total: 3, flagged: 1, errors: 0, per_category: { violence: 1 } } })).toEqual({
      run_id: 2,
      model: 'm',
      summary: { total: 3, flagged: 1, errors: 0, per_category: { violence: 1 } },
    });
  });
});

describe('moderation errors through toAppError', () => {
  it('passes {code, message} through', () => {
    expect(toAppError({ code: 'moderation_suite_exists', message: 'A suite named “x” already exists.' })).toEqual({
      code: 'moderation_suite_exists',
      message: 'A suite named “x” already exists.',
    });
  });

  it('reads the object when Wails wrapped it as JSON in an Error', () => {
    const e = new Error(JSON.stringify({ code: 'moderation_import_invalid', message: 'x.txt: has no prompts. Nothing was imported.' }));
    expect(toAppError(e)).toEqual({ code: 'moderation_import_invalid', message: 'x.txt: has no prompts. Nothing was imported.' });
  });

  it('drops the "[object Object]" Wails leaves when it loses the message', () => {
    expect(toAppError(new Error('[object Object]'))).toEqual({ code: 'internal', message: '' });
  });

  it('keeps plain messages', () => {
    expect(toAppError(new Error('socket closed'))).toEqual({ code: 'internal', message: 'socket closed' });
    expect(toAppError('{not json')).toEqual({ code: 'internal', message: '{not json' });
  });
});
