// The REST router on a small synthetic model: labels, greedy labels, query literals, specificity and the
// trailing-slash rule — features SES v2 does not all use today but the router promises.
import { describe, expect, it } from 'vitest';
import type { OperationModel, ServiceModel } from '../../../src-main/protocols/model/types';
import { sesv2Model } from '../../../src-main/protocols/generated/index';
import { createRestRouter } from '../../../src-main/protocols/rest-json/router';

const op = (name: string, method: string, uri: string): OperationModel => ({ name, http: { method, uri, code: 200 }, input: null, output: null, errors: [] });

const model: ServiceModel = {
  service: 'sesv2',
  sdkId: 'Test',
  protocol: 'rest-json',
  namespace: 'test',
  version: '1',
  signingName: 'test',
  source: 'test',
  shapes: {},
  errors: {},
  operations: Object.fromEntries(
    [
      op('GetObject', 'GET', '/buckets/{Bucket}/objects/{Key+}'),
      op('GetObjectAcl', 'GET', '/buckets/{Bucket}/objects/{Key+}/acl'),
      op('GetBucket', 'GET', '/buckets/{Bucket}'),
      op('GetSpecialBucket', 'GET', '/buckets/special'),
      op('ListVersions', 'GET', '/buckets/{Bucket}?versions'),
      op('ListDeleted', 'GET', '/buckets/{Bucket}?state=deleted'),
      op('Insights', 'GET', '/insights/{Id}/'),
      op('Root', 'POST', '/'),
    ].map((o) => [o.name, o]),
  ),
};

const route = createRestRouter(model);
const match = (method: string, path: string, query = '') => {
  const m = route(method, path, new URLSearchParams(query));
  return m && { op: m.operation.name, labels: m.labels };
};

describe('REST router', () => {
  it('matches labels and prefers literal segments', () => {
    expect(match('GET', '/buckets/b1')).toEqual({ op: 'GetBucket', labels: { Bucket: 'b1' } });
    expect(match('GET', '/buckets/special')).toEqual({ op: 'GetSpecialBucket', labels: {} });
    expect(match('get', '/buckets/b1')?.op).toBe('GetBucket');
    expect(match('PUT', '/buckets/b1')).toBeNull();
    expect(match('GET', '/buckets/')).toBeNull();
  });

  it('greedy labels take one or more segments, decoded, and leave room for trailing literals', () => {
    expect(match('GET', '/buckets/b/objects/a/b%20c/d.txt')).toEqual({ op: 'GetObject', labels: { Bucket: 'b', Key: 'a/b c/d.txt' } });
    expect(match('GET', '/buckets/b/objects/a/b/acl')).toEqual({ op: 'GetObjectAcl', labels: { Bucket: 'b', Key: 'a/b' } });
    expect(match('GET', '/buckets/b/objects')).toBeNull();
  });

  it('query literals select between routes on the same path', () => {
    expect(match('GET', '/buckets/b1', 'versions')?.op).toBe('ListVersions');
    expect(match('GET', '/buckets/b1', 'state=deleted')?.op).toBe('ListDeleted');
    expect(match('GET', '/buckets/b1', 'state=live')?.op).toBe('GetBucket');
  });

  it('a template ending in "/" matches with or without it; others never match a trailing slash', () => {
    expect(match('GET', '/insights/x/')).toEqual({ op: 'Insights', labels: { Id: 'x' } });
    expect(match('GET', '/insights/x')).toEqual({ op: 'Insights', labels: { Id: 'x' } });
    expect(match('GET', '/buckets/b1/')).toBeNull();
    expect(match('POST', '/')?.op).toBe('Root');
  });
});

describe('the generated SES v2 routes', () => {
  const v2 = createRestRouter(sesv2Model);
  const name = (method: string, path: string) => v2(method, path, new URLSearchParams())?.operation.name;

  it('route every operation from its own URI template', () => {
    for (const o of Object.values(sesv2Model.operations)) {
      const path = o.http!.uri.split('?')[0].replace(/\{(\w+)\+?\}/g, 'x');
      expect(name(o.http!.method, path), `${o.http!.method} ${o.http!.uri}`).toBe(o.name);
    }
  });

  it('keep the botocore trailing slash on the two insights routes', () => {
    expect(sesv2Model.operations.GetMessageInsights.http?.uri).toBe('/v2/email/insights/{MessageId}/');
    expect(sesv2Model.operations.GetEmailAddressInsights.http?.uri).toBe('/v2/email/email-address-insights/');
  });
});
