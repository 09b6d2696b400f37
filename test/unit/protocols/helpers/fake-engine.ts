// A small in-memory Engine for protocol tests: records SendRequests, serves a fixed account view and an
// identity list. Only the parts the protocol handlers use are real; the rest throw if touched.
import type { AccountService, AccountView, Engine, IdentityService, IdentityType, IdentityView, SendRequest, SendResult } from '../../../../src-main/core/engine-api';
import { publishingErrors } from '../../../../src-main/core/errors';
import type { PublishingService } from '../../../../src-main/core/publishing/api';
import { partialService, untouchedServices } from '../../../helpers/partial-service';

export const FAKE_MESSAGE_ID = '0100019b7e3a1c00-1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b-000000';

export interface FakeEngine extends Engine {
  sent: SendRequest[];
  verified: string[];
  /** Replace to make send fail or return something else. */
  onSend: (req: SendRequest) => Promise<SendResult>;
  accountView: AccountView;
}

const untouched = (what: string) => () => {
  throw new Error(`fake engine: ${what} is not part of the protocol tests`);
};

/** A verified identity with nothing else set up. */
const identityView = (identity: string, type: IdentityType, createdAt: number): IdentityView => ({
  identity,
  type,
  verificationStatus: 'SUCCESS',
  verificationToken: null,
  createdAt,
  dkim: { signingEnabled: false, status: 'NOT_STARTED', origin: 'AWS_SES', tokens: [], currentKeyLength: null, nextKeyLength: null, lastKeyGenerationAt: null },
  mailFrom: null,
  feedbackForwarding: true,
  notifications: { topics: { Bounce: null, Complaint: null, Delivery: null }, headers: { Bounce: false, Complaint: false, Delivery: false } },
  configurationSet: null,
  tags: [],
  lastCheckedAt: null,
  lastSuccessAt: null,
});

export function fakeEngine(identities: { identity: string; type: IdentityType }[] = []): FakeEngine {
  const list: IdentityView[] = identities.map((i, n) => identityView(i.identity, i.type, n));
  const engine: FakeEngine = {
    region: 'us-east-1',
    accountId: '000000000000',
    bus: { on: () => () => {}, emit: () => {} },
    sent: [],
    verified: [],
    onSend: async () => ({ messageId: FAKE_MESSAGE_ID }),
    accountView: {
      productionAccessEnabled: false,
      sendingEnabled: true,
      enforcementStatus: 'HEALTHY',
      dedicatedIpAutoWarmupEnabled: true,
      sendQuota: { max24HourSend: 200, maxSendRate: 1.5, sentLast24Hours: 7 },
      suppressedReasons: ['BOUNCE', 'COMPLAINT'],
      autoVerify: false,
      details: null,
    },
    sending: {
      send: async (req) => {
        engine.sent.push(req);
        return engine.onSend(req);
      },
      sendBulk: untouched('sending.sendBulk'),
    },
    ...untouchedServices(),
    account: partialService<AccountService>('account', {
      get: () => engine.accountView,
      quota: () => engine.accountView.sendQuota,
    }),
    publishing: partialService<PublishingService>('publishing', {
      messageInsights: (id) => {
        throw publishingErrors.messageNotFound(id);
      },
    }),
    reset: untouched('reset'),
    identities: partialService<IdentityService>('identities', {
      verifyEmail: async (address) => {
        engine.verified.push(address);
        const view = identityView(address, 'EMAIL_ADDRESS', 0);
        list.push(view);
        return view;
      },
      verifyDomain: untouched('identities.verifyDomain'),
      list: (type) => list.filter((i) => !type || i.type === type),
      get: (identity) => list.find((i) => i.identity === identity),
    }),
    messages: {
      list: untouched('messages.list'),
      counts: untouched('messages.counts'),
      get: untouched('messages.get'),
      raw: untouched('messages.raw'),
      attachment: untouched('messages.attachment'),
      markRead: untouched('messages.markRead'),
      delete: untouched('messages.delete'),
      deleteAll: untouched('messages.deleteAll'),
      retrospection: untouched('messages.retrospection'),
      retrospectionDelete: untouched('messages.retrospectionDelete'),
    },
    close: () => {},
  };
  return engine;
}
