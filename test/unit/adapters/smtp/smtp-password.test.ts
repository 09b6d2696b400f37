// SES SMTP password derivation against the vectors in ses-facts §A.7 (doc sample key).
import { describe, expect, it } from 'vitest';
import { sesSmtpPassword, smtpPasswordMatches } from '../../../../src-main/adapters/smtp/smtp-password';

const SAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('sesSmtpPassword', () => {
  it.each([
    ['us-east-1', 'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9'],
    ['us-west-2', 'BF2PynzbSCAjX08zhZZnP/kW+T9P5zs/1Er0pi5vTEmd'],
    ['eu-west-1', 'BMW5RDrXmmVs0lV7GpI4oLkHXpZ4stDsk6q91z1g38Pk'],
  ])('derives the documented password for %s', (region, expected) => {
    expect(sesSmtpPassword(SAMPLE_SECRET, region)).toBe(expected);
  });

  it('is 33 bytes with version byte 0x04 (44 base64 characters starting with B)', () => {
    const raw = Buffer.from(sesSmtpPassword('another/secret', 'ap-northeast-1'), 'base64');
    expect(raw.length).toBe(33);
    expect(raw[0]).toBe(0x04);
  });
});

describe('smtpPasswordMatches', () => {
  it('accepts the password of the same key and region only', () => {
    const pw = sesSmtpPassword(SAMPLE_SECRET, 'us-east-1');
    expect(smtpPasswordMatches(pw, SAMPLE_SECRET, 'us-east-1')).toBe(true);
    expect(smtpPasswordMatches(pw, SAMPLE_SECRET, 'us-west-2')).toBe(false);
    expect(smtpPasswordMatches(pw, 'other-secret', 'us-east-1')).toBe(false);
    expect(smtpPasswordMatches(SAMPLE_SECRET, SAMPLE_SECRET, 'us-east-1')).toBe(false);
    expect(smtpPasswordMatches('', SAMPLE_SECRET, 'us-east-1')).toBe(false);
    expect(smtpPasswordMatches(`${pw}x`, SAMPLE_SECRET, 'us-east-1')).toBe(false);
  });
});
