import { describe, expect, it } from 'vitest';
import { parseHash, toHash } from './router.svelte';

describe('hash routes', () => {
  it('parses screens and queries', () => {
    expect(parseHash('#/settings')).toEqual({ screen: 'settings', query: {} });
    expect(parseHash('#/checklist?evidence=key-register')).toEqual({
      screen: 'checklist',
      query: { evidence: 'key-register' },
    });
  });

  it('falls back to the overview, the first screen', () => {
    expect(parseHash('').screen).toBe('overview');
    expect(parseHash('#/nope').screen).toBe('overview');
  });

  it('round-trips', () => {
    const hash = toHash('checklist', { item: 'UP-01' });
    expect(hash).toBe('#/checklist?item=UP-01');
    expect(parseHash(hash)).toEqual({ screen: 'checklist', query: { item: 'UP-01' } });
    expect(toHash('keys')).toBe('#/keys');
  });
});
