// UI API: identities (ses-facts §A.9) for the Identities screen.
//   GET    /api/identities                        → IdentityListDto
//   POST   /api/identities {identity}             → IdentityDto   (an address or a domain; PENDING unless auto-verify)
//   GET    /api/identities/:identity              → IdentityDto   (with the DNS records to publish)
//   DELETE /api/identities/:identity              → 204
//   POST   /api/identities/:identity/status {status: SUCCESS|FAILED|TEMPORARY_FAILURE} → IdentityDto (QA)
//   POST   /api/identities/:identity/publish      → IdentityDto   (records into Sesame's local zone → verified)
// Owns: shaping identity views for the screen. Must not: verify, create DNS records or decide statuses
// (core/identities does).
import type { IdentityDto, IdentityListDto, VerificationStatusName } from '../../contract/ui-api';
import type { Engine, IdentityView } from '../../core/engine-api';
import type { DnsRecord } from '../../core/identities/api';
import type { SesCall, SesRouteTable } from './ses-routes';
import { iso, oneOf, onlyKnown, readObject, str } from './ses-routes-io';
import { badRequest, methodNotAllowed, notFound, segment, send, sendJson } from './respond';

const SETTABLE = ['SUCCESS', 'FAILED', 'TEMPORARY_FAILURE'] as const;
/** RFC 5321 path limit; the engine validates the rest. */
const MAX_IDENTITY_CHARS = 320;

/** What a record is for, as the console groups them. */
export function recordPurpose(r: DnsRecord): string {
  if (r.name.includes('._domainkey.')) return 'DKIM';
  if (r.name.startsWith('_amazonses.')) return 'Verification';
  if (r.type === 'MX') return 'MAIL FROM';
  if (r.type === 'TXT' && r.value.replace(/^"|"$/g, '').startsWith('v=spf1')) return 'SPF';
  return r.type;
}

export function identityDto(engine: Engine, view: IdentityView): IdentityDto {
  return {
    identity: view.identity,
    type: view.type,
    verificationStatus: view.verificationStatus,
    verifiedForSending: view.verificationStatus === 'SUCCESS',
    createdAt: iso(view.createdAt) ?? new Date(0).toISOString(),
    dkim: { status: view.dkim.status, signingEnabled: view.dkim.signingEnabled, origin: view.dkim.origin, tokens: [...view.dkim.tokens] },
    mailFrom: view.mailFrom ? { ...view.mailFrom } : null,
    configurationSet: view.configurationSet,
    dnsRecords: view.type === 'DOMAIN' ? engine.identities.dnsRecords(view.identity).map((r) => ({ purpose: recordPurpose(r), type: r.type, name: r.name, value: r.value })) : [],
  };
}

function found(engine: Engine, identity: string): IdentityView {
  const view = engine.identities.get(identity);
  if (view === undefined) throw notFound(`No identity ${identity}.`);
  return view;
}

async function identities({ ctx, req, res, method, seg }: SesCall): Promise<void> {
  const { engine } = ctx;
  if (seg.length === 1) {
    if (method === 'GET' || method === 'HEAD') {
      const body: IdentityListDto = { items: engine.identities.list().map((v) => identityDto(engine, v)) };
      return sendJson(res, 200, body, method);
    }
    if (method !== 'POST') throw methodNotAllowed(method, 'GET, POST');
    const body = await readObject(req);
    onlyKnown(body, ['identity']);
    const identity = str(body, 'identity', true).trim();
    if (identity.length > MAX_IDENTITY_CHARS || /\s/.test(identity)) throw badRequest(`Not an email address or domain: "${identity.slice(0, 80)}".`);
    return sendJson(res, 201, identityDto(engine, await engine.identities.create({ identity })));
  }
  const identity = segment(seg[1], 'identity');
  if (seg.length === 2) {
    if (method === 'GET' || method === 'HEAD') return sendJson(res, 200, identityDto(engine, found(engine, identity)), method);
    if (method !== 'DELETE') throw methodNotAllowed(method, 'GET, DELETE');
    if (!engine.identities.delete(identity)) throw notFound(`No identity ${identity}.`);
    return send(res, 204, {});
  }
  if (seg.length === 3 && seg[2] === 'status') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    const body = await readObject(req);
    onlyKnown(body, ['status']);
    const status: VerificationStatusName = oneOf(body, 'status', SETTABLE, true);
    found(engine, identity);
    return sendJson(res, 200, identityDto(engine, engine.identities.setVerificationStatus(identity, status)));
  }
  if (seg.length === 3 && seg[2] === 'publish') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    if (found(engine, identity).type !== 'DOMAIN') throw badRequest('Only a domain has DNS records to publish.');
    return sendJson(res, 200, identityDto(engine, engine.identities.publishToZone(identity)));
  }
  throw notFound(`No API route /api/${seg.join('/')}.`);
}

export const identityRoutes: SesRouteTable = { identities };
