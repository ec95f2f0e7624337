import { describe, expect, it } from 'vitest';
import { getPath, parseFieldProblems, parsePath, problemsAt, setPath, withoutInvalid } from './fields';

describe('parseFieldProblems', () => {
  it('reads the English message of a refused save', () => {
    const msg = [
      'field "organisation.email": "x@" is not an email address',
      'field "international_transfers.transfers[0].safeguards[1]": "magic" is not a transfer safeguard; use adequacy, scc or dpf',
    ].join('\n');
    expect(parseFieldProblems(msg)).toEqual([
      { field: 'organisation.email', problem: '"x@" is not an email address' },
      {
        field: 'international_transfers.transfers[0].safeguards[1]',
        problem: '"magic" is not a transfer safeguard; use adequacy, scc or dpf',
      },
    ]);
  });

  it('reads the Chinese message', () => {
    expect(parseFieldProblems('字段“organisation.email”：“x@”不是有效的电子邮件地址')).toEqual([
      { field: 'organisation.email', problem: '“x@”不是有效的电子邮件地址' },
    ]);
  });

  it('drops a file name prefix and a line suffix', () => {
    expect(parseFieldProblems('answers.yaml: field "users.regions[2]": "mars" is not a region (line 7)')).toEqual([
      { field: 'users.regions[2]', problem: '"mars" is not a region' },
    ]);
    expect(parseFieldProblems('answers.yaml：字段“users.regions[2]”：“mars”不是有效的地区（第 7 行）')).toEqual([
      { field: 'users.regions[2]', problem: '“mars”不是有效的地区' },
    ]);
  });

  it('skips lines that name no field', () => {
    expect(parseFieldProblems('… and 3 more')).toEqual([]);
    expect(parseFieldProblems('Something went wrong: disk full')).toEqual([]);
    expect(parseFieldProblems('')).toEqual([]);
  });
});

describe('problemsAt', () => {
  const problems = [
    { field: 'purposes[0].categories[1]', problem: 'a' },
    { field: 'purposes[10].categories[0]', problem: 'b' },
    { field: 'organisation.email', problem: 'c' },
  ];
  it('finds the problems of a field and of what is inside it', () => {
    expect(problemsAt(problems, 'purposes[0].categories').map((p) => p.problem)).toEqual(['a']);
    expect(problemsAt(problems, 'purposes[0]').map((p) => p.problem)).toEqual(['a']);
    expect(problemsAt(problems, 'organisation.email').map((p) => p.problem)).toEqual(['c']);
    expect(problemsAt(problems, 'organisation.name')).toEqual([]);
  });
});

describe('paths', () => {
  it('parse dots and indexes', () => {
    expect(parsePath('a.b[2].c')).toEqual(['a', 'b', 2, 'c']);
    expect(parsePath('x[0][1]')).toEqual(['x', 0, 1]);
    expect(parsePath('users.regions')).toEqual(['users', 'regions']);
  });

  it('get and set values', () => {
    const o = { a: { list: [{ v: 1 }, { v: 2 }] } };
    expect(getPath(o, 'a.list[1].v')).toBe(2);
    expect(getPath(o, 'a.missing.v')).toBeUndefined();
    setPath(o, 'a.list[0].v', 9);
    expect(o.a.list[0]!.v).toBe(9);
    setPath(o, 'nope.deeper', 1); // no parent: nothing happens
    expect(o).not.toHaveProperty('nope');
  });
});

describe('withoutInvalid', () => {
  const saved = {
    organisation: { name: 'Acme', email: 'old@acme.example' },
    users: { regions: ['eu'] },
    data_categories: [{ id: 'account' }],
    purposes: [{ categories: ['account'] }],
    rights: { response_days: 30 },
  };

  it('puts a refused value back to what was saved, keeping the rest', () => {
    const now = { ...structuredClone(saved), organisation: { name: 'Acme Ltd', email: 'new@' } };
    const out = withoutInvalid(now, saved, ['organisation.email']);
    expect(out.organisation).toEqual({ name: 'Acme Ltd', email: 'old@acme.example' });
    expect(now.organisation.email).toBe('new@'); // the input is untouched
  });

  it('empties a refused value that was never saved', () => {
    const now = { ...structuredClone(saved), rights: { response_days: -4 }, extra: { link: 'nope' } };
    const out = withoutInvalid(now, {}, ['rights.response_days', 'extra.link']);
    expect(out.rights.response_days).toBe(0);
    expect(out.extra.link).toBe('');
  });

  it('drops refused list items, from the back', () => {
    const now = { ...structuredClone(saved), users: { regions: ['eu', 'mars', 'china', 'venus'] } };
    const out = withoutInvalid(now, saved, ['users.regions[1]', 'users.regions[3]']);
    expect(out.users.regions).toEqual(['eu', 'china']);
  });

  it('leaves out a new category whose key is refused', () => {
    const now = {
      ...structuredClone(saved),
      data_categories: [{ id: 'account' }, { id: 'Bad Key' }],
      purposes: [{ categories: ['account', 'Bad Key'] }],
    };
    const first = withoutInvalid(now, saved, ['data_categories[1].id']);
    expect(first.data_categories).toEqual([{ id: 'account' }]);
    // Go then refuses the reference, which the next round drops.
    const second = withoutInvalid(first, saved, ['purposes[0].categories[1]']);
    expect(second.purposes[0]!.categories).toEqual(['account']);
  });

  it('puts back the saved key of a category that had one', () => {
    const now = { ...structuredClone(saved), data_categories: [{ id: 'dup' }] };
    expect(withoutInvalid(now, saved, ['data_categories[0].id']).data_categories).toEqual([{ id: 'account' }]);
  });
});
