import { describe, expect, it } from 'vitest';
import type { Item } from '../../api/types';
import { splitEvidence } from './evidence';

const item = (id: string) => ({ id }) as Item;

describe('splitEvidence', () => {
  it('counts only the items that apply and names the others apart', () => {
    const out = splitEvidence(
      [item('OP-01'), item('OP-03'), item('SE-02')],
      [
        { id: 'OP-01', status: 'done' },
        { id: 'OP-03', status: 'not_applicable' },
      ],
    );
    expect(out.applicable.map((i) => i.id)).toEqual(['OP-01', 'SE-02']);
    expect(out.notApplicable.map((i) => i.id)).toEqual(['OP-03']);
  });

  it('counts every item when the workspace’s statuses are unknown', () => {
    const out = splitEvidence([item('OP-01'), item('OP-03')], []);
    expect(out.applicable).toHaveLength(2);
    expect(out.notApplicable).toHaveLength(0);
  });
});
