import { describe, expect, it, vi } from 'vitest';

vi.mock('../../api', () => ({
  items: vi.fn(async () => []),
  listWorkspaces: vi.fn(async () => []),
  listMembers: vi.fn(async () => [{ name: 'Alice', email: '', role: '' }]),
  // A rotated key keeps its label: two records, one label.
  listKeys: vi.fn(async () => [
    { id: 3, label: 'alice-dev', member: 'Alice', redacted: 'sk-proj-…old1' },
    { id: 7, label: 'alice-dev', member: 'Alice', redacted: 'sk-proj-…new2' },
  ]),
  keyFindings: vi.fn(async () => {
    throw new Error('offline');
  }),
  listModerationSuites: vi.fn(async () => []),
}));

const { loadEntries } = await import('./sources');

describe('loadEntries', () => {
  it('lists a label once, with its newest key, and names a failed source', async () => {
    const { entries, failed } = await loadEntries();
    const keys = entries.filter((e) => e.group === 'key');
    expect(keys).toHaveLength(1);
    expect(keys[0]!.detail).toContain('new2');
    expect(failed).toEqual(['finding']);
    const ids = entries.map((e) => `${e.group}:${e.id}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
