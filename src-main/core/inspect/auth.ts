// engine.inspect.authentication(messageId): what a receiving MTA would conclude about a stored message —
// DKIM (every signature), SPF (SES's envelope MAIL FROM from the message's outgoing IP), DMARC, ARC and the
// Authentication-Results header — computed by mailauth's authenticate() against Sesame's local DNS zone
// (dns.ts), plus a deliverability checklist (auth-checklist.ts). Words for what broke: auth-explain.ts.
// The report is computed on demand (no cache: a few ms per message, and zone/identity changes show at once).
// Envelope: SES's MAIL FROM is `<MessageId>@amazonses.com` (ses-headers.ts returnPathAddress) unless the
// sender's covering identity has a custom MAIL FROM domain that is verified — then `<MessageId>@<that domain>`.
// Owns: building the report. Must not: change the message or the zone.
import { authenticate } from 'mailauth';
import type { AuthenticationReport, DkimSignatureReport } from '../../contract/inspection';
import type { Clock } from '../clock';
import type { IdentityService } from '../identities/api';
import { domainOf } from '../mime/addresses';
import { findField, headerSectionLength, readHeaderBlock } from '../mime/header-block';
import { returnPathAddress, OUTGOING_IP } from '../sending/ses-headers';
import type { MessageStore } from '../store/types';
import { buildChecklist, isBulk } from './auth-checklist';
import { arcReport, dkimExplanation, dmarcReport, spfExplanation } from './auth-explain';
import type { MailauthResolver } from './dns';

/** The authserv-id of the Authentication-Results Sesame writes (a receiver's host name). */
export const SESAME_MTA = 'mx.sesame.local';
/** The HELO a receiver sees from SES's outgoing IP (SES's `a<n>-<n>.smtp-out.<region>.amazonses.com` style [verify]). */
export const SES_HELO = `a9-183.smtp-out.amazonses.com`;

export interface AuthInspectorDeps {
  region: string;
  clock: Clock;
  messages: Pick<MessageStore, 'get' | 'raw'>;
  identities: Pick<IdentityService, 'get'>;
  resolver: MailauthResolver;
}

/** The envelope MAIL FROM SES uses for mail from `source`. */
export function envelopeSender(identities: Pick<IdentityService, 'get'>, region: string, messageId: string, source: string): string {
  const address = source.toLowerCase();
  const domain = domainOf(address);
  const candidates = [address, ...(domain ? domain.split('.').map((_, i, labels) => labels.slice(i).join('.')) : [])];
  for (const name of candidates) {
    const mf = identities.get(name)?.mailFrom;
    if (mf) return mf.status === 'SUCCESS' ? `${messageId}@${mf.domain}` : returnPathAddress(messageId, region);
  }
  return returnPathAddress(messageId, region);
}

/**
 * The IP the message left SES from: X-SES-Outgoing's `<date>-<ip>` (a dedicated IP when the send's pool had
 * one — core/dedicated-ips), else SES's shared outgoing IP.
 */
export function outgoingIpOf(raw: Buffer): string {
  const field = findField(readHeaderBlock(raw, 0, headerSectionLength(raw)).fields, 'x-ses-outgoing');
  const ip = field && /^\d{4}\.\d{2}\.\d{2}-(\d{1,3}(?:\.\d{1,3}){3})$/.exec(field.value)?.[1];
  return ip || OUTGOING_IP;
}

export function createAuthInspector(deps: AuthInspectorDeps) {
  async function authentication(messageId: string): Promise<AuthenticationReport | undefined> {
    const rec = deps.messages.get(messageId);
    const raw = rec ? await deps.messages.raw(messageId) : undefined;
    if (!rec || !raw) return undefined;
    const sender = envelopeSender(deps.identities, deps.region, messageId, rec.mailFrom || rec.source);
    const ip = outgoingIpOf(raw);
    const res = await authenticate(raw, {
      ip,
      helo: SES_HELO,
      sender,
      mta: SESAME_MTA,
      resolver: deps.resolver,
      disableBimi: true,
    });
    const dkim: DkimSignatureReport[] = res.dkim.results
      .filter((r) => r.signingDomain || r.signature)
      .map((r) => {
        const bodyHash = r.bodyHash && r.bodyHashExpecting ? (r.bodyHash === r.bodyHashExpecting ? 'pass' : 'fail') : null;
        return {
          domain: r.signingDomain ?? null,
          selector: r.selector ?? null,
          algorithm: r.algo ?? null,
          canonicalization: r.format ?? null,
          signedHeaders: r.signingHeaders?.keys ? r.signingHeaders.keys.split(':').map((h) => h.trim()).filter(Boolean) : [],
          bodyHash,
          result: r.status.result,
          reason: r.status.comment ?? null,
          aligned: r.status.aligned || null,
          explanation: dkimExplanation(r.status.result, bodyHash, r.status.comment ?? null, r.signingDomain ?? null, r.selector ?? null),
        };
      });
    const spf = res.spf;
    const spfDomain = domainOf(sender) ?? sender;
    const spfResult = spf ? spf.status.result : 'none';
    const fromDomain = res.dkim.headerFrom.length === 1 ? domainOf(res.dkim.headerFrom[0]) : null;
    // Without a DMARC record mailauth computes no DMARC alignment; the passing, aligned DKIM signatures (and
    // an SPF pass for a MAIL FROM under the From domain) still say whether From would align once one exists.
    const dkimAligned = dkim.find((d) => d.result === 'pass' && d.aligned)?.aligned ?? null;
    const spfAligned =
      spfResult === 'pass' && fromDomain && (spfDomain === fromDomain || spfDomain.endsWith(`.${fromDomain}`)) ? spfDomain : null;
    const dmarc = dmarcReport(res.dmarc, fromDomain, res.dmarcSkipReason ?? null, { dkim: dkimAligned, spf: spfAligned });
    const headerBlock = raw.subarray(0, headerSectionLength(raw));
    const bulk = isBulk(headerBlock, rec.rcptTo.length);
    const report: AuthenticationReport = {
      messageId,
      dkim,
      spf: {
        result: spfResult,
        mailFrom: sender,
        domain: spfDomain,
        ip,
        record: (spf && spf.rr) || null,
        header: spf ? spf.header.trimEnd() : '',
        explanation: spfExplanation(spfResult, spfDomain, ip, spf ? (spf.status.comment ?? null) : null),
      },
      dmarc,
      arc: arcReport(res.arc),
      authenticationResults: res.headers.trimEnd(),
      bulk,
      checklist: [],
      computedAt: deps.clock.now(),
    };
    report.checklist = buildChecklist(report, raw, headerBlock);
    return report;
  }
  return { authentication };
}
