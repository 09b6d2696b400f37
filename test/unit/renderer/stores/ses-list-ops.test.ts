// Navigation from the address's hash, and the SES-state slices' pure list operations.
import { describe, expect, it } from 'vitest';
import { hashFor, VIEWS, viewFromHash } from '../../../../src-renderer/src/stores/nav-slice';
import { movedIds, upsertBy } from '../../../../src-renderer/src/stores/ses-list-ops';

describe('viewFromHash / hashFor', () => {
  it('round-trips every screen; anything else is the inbox', () => {
    for (const v of VIEWS) expect(viewFromHash(hashFor(v))).toBe(v);
    expect(hashFor('inbox')).toBe('');
    expect(viewFromHash('#/account')).toBe('account');
    expect(viewFromHash('#account')).toBe('account');
    for (const other of ['', '#', '#/', '#/nope', '#/Account', '#/account/x']) expect(viewFromHash(other), other).toBe('inbox');
  });
});

describe('upsertBy', () => {
  const key = (x: { id: string }) => x.id;
  it('replaces in place or appends', () => {
    const list = [{ id: 'a', v: 1 }, { id: 'b', v: 1 }];
    expect(upsertBy(list, { id: 'a', v: 2 }, key)).toEqual([{ id: 'a', v: 2 }, { id: 'b', v: 1 }]);
    expect(upsertBy(list, { id: 'c', v: 1 }, key).map(key)).toEqual(['a', 'b', 'c']);
    expect(list[0].v).toBe(1);
  });
});

describe('movedIds', () => {
  const rules = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('swaps with the neighbour, and stays put at the ends or for an unknown id', () => {
    expect(movedIds(rules, 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(movedIds(rules, 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(movedIds(rules, 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(movedIds(rules, 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(movedIds(rules, 'zz', 1)).toEqual(['a', 'b', 'c']);
  });
});
