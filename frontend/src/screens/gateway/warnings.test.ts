import { describe, expect, it } from 'vitest';
import { baseURLFor, describeWarning, fromMB, parseModels, toMB } from './warnings';

describe('gateway warnings', () => {
  it('recognises the warnings Go sends, with their values', () => {
    expect(
      describeWarning(
        'The gateway listens on 0.0.0.0:8787, which other machines can reach. Member tokens still guard it, but…',
      ),
    ).toMatchObject({ key: 'gateway.warn.exposed', params: { listen: '0.0.0.0:8787' } });
    expect(describeWarning('The upstream http://10.0.0.5:8000/v1 is plain HTTP: API keys and prompts travel unencrypted.')).toMatchObject({
      key: 'gateway.warn.plainUpstream',
      params: { upstream: 'http://10.0.0.5:8000/v1' },
    });
    expect(describeWarning('No upstream key is set, so member tokens are refused: choose…').key).toBe('gateway.warn.noKey');
  });

  it('shows an unknown warning as it came', () => {
    expect(describeWarning('Something new.')).toEqual({ key: null, params: {}, raw: 'Something new.' });
  });
});

describe('gateway form helpers', () => {
  it('builds the base URL apps use', () => {
    expect(baseURLFor('127.0.0.1:8787')).toBe('http://127.0.0.1:8787/v1');
    expect(baseURLFor('')).toBe('');
  });

  it('splits allowed models on commas, spaces and lines, without duplicates', () => {
    expect(parseModels('gpt-4o-mini, gpt-4.1*\ntext-embedding-3-small  gpt-4o-mini,')).toEqual([
      'gpt-4o-mini',
      'gpt-4.1*',
      'text-embedding-3-small',
    ]);
    expect(parseModels('  ')).toEqual([]);
  });

  it('converts the body limit between bytes and megabytes', () => {
    expect(toMB(512 << 20)).toBe('512');
    expect(toMB(0)).toBe('');
    expect(fromMB('64')).toBe(64 << 20);
    expect(fromMB('')).toBe(0);
    expect(fromMB('0')).toBeNull();
    expect(fromMB('lots')).toBeNull();
    expect(fromMB('5000')).toBeNull();
  });
});
