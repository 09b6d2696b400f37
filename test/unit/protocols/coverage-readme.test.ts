// The README's coverage block must equal the table computed from the generated models and the handler
// registries. SESAME_UPDATE_README=1 rewrites the block instead of failing (creating the markers at the end
// of README.md when they are missing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCoverage, renderCoverageMarkdown } from '../../../src-main/protocols/coverage';
import { SERVICE_MODELS } from '../../../src-main/protocols/generated/index';
import { HANDLERS } from '../../../src-main/protocols/handlers/index';
import { createAwsRequestHandler } from '../../../src-main/protocols/pipeline';
import { fakeEngine } from './helpers/fake-engine';

const README = join(__dirname, '../../../README.md');
const START = '<!-- coverage:start -->';
const END = '<!-- coverage:end -->';

function currentBlock(text: string): string | null {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return null;
  return text.slice(a + START.length, b).replace(/^\n/, '').replace(/\n$/, '');
}

function withBlock(text: string, block: string): string {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return `${text.replace(/\n*$/, '\n')}\n${START}\n${block}\n${END}\n`;
  return `${text.slice(0, a + START.length)}\n${block}\n${text.slice(b)}`;
}

describe('coverage', () => {
  it('counts every model operation once, implemented exactly where a handler exists', () => {
    for (const c of computeCoverage()) {
      const ops = Object.keys(SERVICE_MODELS[c.service].operations);
      expect(c.total).toBe(ops.length);
      expect([...c.implemented, ...c.notImplemented].sort()).toEqual(ops.sort());
      expect(c.implemented).toEqual(Object.keys(HANDLERS[c.service]).sort());
    }
  });

  it('implements every operation the foundation and sending-rules issues ask for', () => {
    const byService = Object.fromEntries(computeCoverage().map((c) => [c.service, c.implemented]));
    const v2 = ['GetAccount', 'SendEmail', 'CreateEmailIdentity', 'GetEmailIdentity', 'ListEmailIdentities', 'DeleteEmailIdentity',
      'PutEmailIdentityDkimAttributes', 'PutEmailIdentityDkimSigningAttributes', 'PutEmailIdentityMailFromAttributes',
      'PutEmailIdentityFeedbackAttributes', 'PutEmailIdentityConfigurationSetAttributes', 'PutAccountDetails',
      'PutAccountSendingAttributes', 'PutAccountSuppressionAttributes', 'PutSuppressedDestination', 'GetSuppressedDestination',
      'ListSuppressedDestinations', 'DeleteSuppressedDestination', 'CreateConfigurationSet', 'GetConfigurationSet',
      'ListConfigurationSets', 'DeleteConfigurationSet', 'PutConfigurationSetSendingOptions', 'PutConfigurationSetSuppressionOptions'];
    const v1 = ['SendEmail', 'SendRawEmail', 'GetSendQuota', 'VerifyEmailIdentity', 'VerifyEmailAddress', 'VerifyDomainIdentity',
      'VerifyDomainDkim', 'ListIdentities', 'ListVerifiedEmailAddresses', 'DeleteIdentity', 'DeleteVerifiedEmailAddress',
      'GetIdentityVerificationAttributes', 'GetIdentityDkimAttributes', 'SetIdentityDkimEnabled', 'SetIdentityMailFromDomain',
      'GetIdentityMailFromDomainAttributes', 'UpdateAccountSendingEnabled', 'GetAccountSendingEnabled',
      'CreateConfigurationSet', 'DeleteConfigurationSet', 'ListConfigurationSets', 'UpdateConfigurationSetSendingEnabled'];
    expect(byService.sesv2).toEqual(expect.arrayContaining(v2));
    expect(byService.ses).toEqual(expect.arrayContaining(v1));
    expect(byService.sns).toEqual(expect.arrayContaining(['CreateTopic', 'Subscribe', 'ConfirmSubscription', 'Publish', 'ListTopics']));
    expect(renderCoverageMarkdown()).toContain(`- **SES v2** (REST-JSON): ${byService.sesv2.length} of 116 operations implemented.`);
  });

  it('a handler registered under a name that is not a model operation is refused at start-up', () => {
    expect(() => createAwsRequestHandler({ engine: fakeEngine(), handlers: { ses: { SendEmial: () => ({}) } } })).toThrow(/SendEmial/);
  });

  it('README.md carries the current coverage block', () => {
    const block = renderCoverageMarkdown();
    const text = existsSync(README) ? readFileSync(README, 'utf8') : '';
    if (process.env.SESAME_UPDATE_README === '1') {
      if (currentBlock(text) !== block) writeFileSync(README, withBlock(text, block));
      return;
    }
    expect(currentBlock(text), 'README coverage block is stale: run SESAME_UPDATE_README=1 npx vitest run --project unit test/unit/protocols/coverage-readme.test.ts').toBe(block);
  });
});
