// Model validation: required members and types, with AWS's lowerCamel member paths and Coral wording.
import { describe, expect, it } from 'vitest';
import { errors } from '../../../src-main/core/errors';
import { sesModel, sesv2Model } from '../../../src-main/protocols/generated/index';
import { findProblems, lowerCamel, validateInput } from '../../../src-main/protocols/validate';

const missing = (path: string) => `Value null at '${path}' failed to satisfy constraint: Member must not be null`;

describe('validate', () => {
  it('lowerCamels member names', () => {
    expect(lowerCamel('ToAddresses')).toBe('toAddresses');
    expect(lowerCamel('Source')).toBe('source');
  });

  it('accepts a complete v1 SendEmail', () => {
    const input = { Source: 'a@b.c', Destination: { ToAddresses: ['x@y.z'] }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } };
    expect(findProblems(sesModel, 'SendEmailRequest', input)).toEqual([]);
    expect(() => validateInput(sesModel, 'SendEmailRequest', input)).not.toThrow();
  });

  it('reports nested required members and list elements with their paths', () => {
    const input = { Source: 'a@b.c', Destination: {}, Message: { Subject: {}, Body: {} }, Tags: [{ Name: 'n' }, null] };
    expect(findProblems(sesModel, 'SendEmailRequest', input)).toEqual([
      missing('message.subject.data'),
      missing('tags.1.member.value'),
      missing('tags.2.member'),
    ]);
  });

  it('reports wrong types and keeps going', () => {
    const input = { Content: { Raw: { Data: 'not-bytes' } }, Destination: { ToAddresses: 'x@y.z' }, EmailTags: {} };
    expect(findProblems(sesv2Model, 'SendEmailRequest', input)).toEqual([
      "Value 'not-bytes' at 'content.raw.data' failed to satisfy constraint: Member must be base64-encoded binary data",
      "Value 'x@y.z' at 'destination.toAddresses' failed to satisfy constraint: Member must be a list",
      "Value '{}' at 'emailTags' failed to satisfy constraint: Member must be a list",
    ]);
  });

  it('throws the ValidationError SesError (BadRequestException on v2, ValidationError on v1)', () => {
    let thrown: unknown;
    try {
      validateInput(sesModel, 'SendEmailRequest', {});
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toEqual(errors.validation([missing('source'), missing('destination'), missing('message')]));
    expect((thrown as { wire: { v2: string; v1: string } }).wire).toMatchObject({ v2: 'BadRequestException', v1: 'ValidationError' });
    expect((thrown as Error).message).toMatch(/^3 validation errors detected: /);
  });
});
