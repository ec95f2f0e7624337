import { describe, expect, it } from 'vitest';
import { checkResult, overviewOf } from './checks';

describe('checks decoders', () => {
  it('fill Go nulls and keep the order of checks and screens', () => {
    const o = overviewOf({
      workspaces: [
        {
          workspace: 'Shop',
          percent: 12,
          failing: 1,
          checks: [{ item: 'KH-03', status: 'fail', reason: { en: 'A key in src', 'zh-CN': '发现密钥' }, evidence: null, override: null }],
          screens: ['leakscan'],
        },
      ],
      findings: null,
      due: null,
      guide: [{ id: 'keys', title: { en: 'Register', 'zh-CN': '登记' }, done: true, screen: 'keys' }],
      first_run: true,
    });
    expect(o.workspaces[0]?.checks[0]).toMatchObject({ item: 'KH-03', status: 'fail', evidence: {}, override: null, stale: false });
    expect(o.workspaces[0]?.screens).toEqual(['leakscan']);
    expect(o.findings).toEqual([]);
    expect(o.due).toEqual([]);
    expect(o.guide[0]).toEqual({ id: 'keys', title: { en: 'Register', 'zh-CN': '登记' }, done: true, screen: 'keys' });
    expect(o.first_run).toBe(true);
  });

  it('reads an unknown status as not enough data', () => {
    expect(checkResult({ item: 'X', status: 'maybe' }).status).toBe('unknown');
    expect(checkResult({ item: 'X', status: 'pass', override: { status: 'at_risk', note: 'n' } }).override?.status).toBe('at_risk');
  });
});
