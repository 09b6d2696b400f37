// Query requests at scale: the form is read in linear time (20,000 tags used to take ~30 s: every member
// scanned every parameter name), a request with more than MAX_QUERY_PARAMETERS pairs is a ValidationError in
// the protocol's own form, and MAX_QUERY_NAME_SEGMENTS covers the deepest name the models can address.
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_NAME_SEGMENTS, MAX_QUERY_PARAMETERS } from '../../../src-main/core/limits';
import { sesModel, snsModel } from '../../../src-main/protocols/generated/index';
import type { ServiceModel } from '../../../src-main/protocols/model/types';
import { resolveShape } from '../../../src-main/protocols/model/types';
import { parseForm, readQuery } from '../../../src-main/protocols/query/form-codec';
import { harness, rawRequest } from './helpers/sdk-harness';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function tagPairs(n: number): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 1; i <= n; i++) pairs.push([`Tags.member.${i}.Name`, `n${i}`], [`Tags.member.${i}.Value`, `v${i}`]);
  return pairs;
}

describe('Query form at scale', () => {
  it('reads 20,000 tags (40,000 parameters) in order', () => {
    const params = new Map<string, string>([['Source', 'a@example.com'], ...tagPairs(20_000).reverse()]);
    const input = readQuery(sesModel, 'SendEmailRequest', params) as { Source: string; Tags: { Name: string; Value: string }[] };
    expect(input.Source).toBe('a@example.com');
    expect(input.Tags).toHaveLength(20_000);
    expect(input.Tags[0]).toEqual({ Name: 'n1', Value: 'v1' });
    expect(input.Tags[9_999]).toEqual({ Name: 'n10000', Value: 'v10000' });
    expect(input.Tags[19_999]).toEqual({ Name: 'n20000', Value: 'v20000' });
  });

  it('ignores names deeper than any member, and absent members stay absent', () => {
    const deep = ['Tags', 'member', '1', ...Array.from({ length: MAX_QUERY_NAME_SEGMENTS }, () => 'x')].join('.');
    const params = new Map([[deep, 'v'], ['Tags.member.1.Name', 'k']]);
    expect(readQuery(sesModel, 'SendEmailRequest', params)).toEqual({ Tags: [{ Name: 'k' }] });
  });

  it(`parses exactly ${MAX_QUERY_PARAMETERS} parameters and refuses one more`, () => {
    const form = (n: number) => tagPairs(n / 2).map(([k, v]) => `${k}=${v}`).join('&');
    expect(parseForm('Action=SendEmail', form(MAX_QUERY_PARAMETERS - 2), '&&Source=x').size).toBe(MAX_QUERY_PARAMETERS);
    expect(() => parseForm('Action=SendEmail', form(MAX_QUERY_PARAMETERS))).toThrow(
      `The request has ${MAX_QUERY_PARAMETERS + 1} parameters; at most ${MAX_QUERY_PARAMETERS} are accepted.`,
    );
  });

  it('a v1 request with 20,000 tag pairs is a 400 ValidationError <ErrorResponse>', async () => {
    const h = harness();
    const body = ['Action=SendEmail', ...tagPairs(20_000).map(([k, v]) => `${k}=${v}`)].join('&');
    const res = await h.handler(rawRequest({ headers: FORM, body }));
    expect(res.status).toBe(400);
    expect(res.body).toContain(
      `<Type>Sender</Type><Code>ValidationError</Code><Message>The request has 40001 parameters; at most ${MAX_QUERY_PARAMETERS} are accepted.</Message>`,
    );
    expect(h.engine.sent).toHaveLength(0);
  });
});

/** Segments in the longest parameter name that reaches a scalar of `target` (lists: `member.N`, maps: `entry.N.value`). */
function depth(model: ServiceModel, target: string, seen = new Set<string>()): number {
  const shape = resolveShape(model, target);
  if (typeof shape === 'string' || seen.has(target)) return 0;
  const inner = new Set(seen).add(target);
  if (shape.type === 'list') return (shape.flattened ? 1 : 2) + depth(model, shape.member, inner);
  if (shape.type === 'map') return (shape.flattened ? 2 : 3) + depth(model, shape.value, inner);
  return Math.max(0, ...Object.values(shape.members).map((m) => 1 + depth(model, m.target, inner)));
}

describe('MAX_QUERY_NAME_SEGMENTS', () => {
  it('covers every name an SES v1 or SNS operation input can have', () => {
    for (const model of [sesModel, snsModel]) {
      for (const op of Object.values(model.operations)) {
        if (op.input) expect(depth(model, op.input)).toBeLessThanOrEqual(MAX_QUERY_NAME_SEGMENTS);
      }
    }
  });
});
