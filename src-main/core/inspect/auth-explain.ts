// Authentication results in words for the inspection report (auth.ts): what broke a DKIM signature, what an
// SPF result means for SES's MAIL FROM, and the DMARC verdict with its alignment explained.
// Owns: those sentences and the DMARC/ARC report shapes. Must not: call mailauth or read the message.
import type { ARCResult, DMARCResult } from 'mailauth';
import type { ArcReport, DmarcReport } from '../../contract/inspection';

/** Why a DKIM signature did not pass, in words (null when it passed). */
export function dkimExplanation(result: string, bodyHash: 'pass' | 'fail' | null, comment: string | null, d: string | null, s: string | null): string | null {
  if (result === 'pass') return null;
  if (bodyHash === 'fail') {
    return 'Body hash mismatch: the body was changed after signing (a rewrite after DKIM signing, or re-encoding in transit), so bh= no longer matches.';
  }
  const why = (comment ?? '').toLowerCase();
  if (result === 'permerror' || result === 'temperror' || why.includes('key') || why.includes('dns')) {
    if (why.includes('not found') || why.includes('no key') || why.includes('enotfound') || why.includes('dns')) {
      return `No usable DKIM key at ${s ?? '?'}._domainkey.${d ?? '?'}: publish the domain identity to Sesame's local zone (or add the record).`;
    }
  }
  if (result === 'fail' || result === 'neutral') {
    return 'Signature mismatch: the body is intact but a signed header (one of h=) was changed or added after signing, or the published key is not the signing key.';
  }
  return comment ? `DKIM ${result}: ${comment}.` : `DKIM ${result}.`;
}

export function spfExplanation(result: string, domain: string, ip: string, comment: string | null = null): string {
  switch (result) {
    case 'pass':
      return `${domain}'s SPF record designates ${ip} (Sesame's SES outgoing IP) as a permitted sender.`;
    case 'fail':
    case 'softfail':
      return `${domain}'s SPF record does not allow ${ip} (Sesame's SES outgoing IP): a custom MAIL FROM domain needs "v=spf1 include:amazonses.com ~all".`;
    case 'none':
      return `${domain} publishes no SPF record in the local zone (publish the identity's MAIL FROM records).`;
    case 'neutral':
      return `${domain}'s SPF record makes no assertion about ${ip}.`;
    default:
      return `SPF ${result} for ${domain}: ${comment ?? 'a malformed record, several SPF records, or too many DNS lookups'}.`;
  }
}

/** The DMARC part of the report, from mailauth's result (false when DMARC could not be evaluated). */
export function dmarcReport(
  dmarc: DMARCResult | false,
  fromDomain: string | null,
  skipped: string | null,
  /** Alignment worked out from the DKIM and SPF results, used where mailauth computed none (no DMARC record). */
  fallback: { dkim: string | null; spf: string | null } = { dkim: null, spf: null },
): DmarcReport {
  if (!dmarc) {
    return {
      result: 'none',
      fromDomain,
      record: null,
      policy: null,
      alignment: { dkim: fallback.dkim, spf: fallback.spf, dkimStrict: false, spfStrict: false },
      explanation: `DMARC was not evaluated: ${skipped ?? 'the From header has no single domain'}.`,
    };
  }
  const result = dmarc.status.result;
  const al = dmarc.alignment;
  const alignment = {
    dkim: al?.dkim?.result || (dmarc.rr ? null : fallback.dkim),
    spf: al?.spf?.result || (dmarc.rr ? null : fallback.spf),
    dkimStrict: al?.dkim?.strict ?? false,
    spfStrict: al?.spf?.strict ?? false,
  };
  const from = fromDomain ?? dmarc.status.header?.from ?? '?';
  const policy = dmarc.rr ? dmarc.policy || dmarc.p || 'none' : null;
  const aligned = [alignment.dkim ? `DKIM d=${alignment.dkim}` : null, alignment.spf ? `SPF domain ${alignment.spf}` : null].filter(Boolean);
  let explanation: string;
  if (!dmarc.rr) {
    explanation =
      `No DMARC record at _dmarc.${from} (or its organizational domain): receivers apply no DMARC policy. Gmail and Yahoo require one for bulk senders.` +
      (aligned.length ? ` From would align with ${aligned.join(' and ')} once a record exists.` : '');
  } else if (result === 'pass') {
    explanation = `From domain ${from} is aligned with ${aligned.join(' and ')} (${alignment.dkimStrict ? 'strict' : 'relaxed'} DKIM alignment), so DMARC passes; policy p=${policy}.`;
  } else {
    explanation =
      `Neither DKIM nor SPF passed in alignment with the From domain ${from} ` +
      `(SPF checks SES's MAIL FROM, which only aligns with a custom MAIL FROM domain; DKIM aligns when the From domain's identity signs). ` +
      `Policy p=${policy}: receivers ${policy === 'reject' ? 'reject' : policy === 'quarantine' ? 'quarantine (spam folder)' : 'only report'} such mail.`;
  }
  return { result, fromDomain, record: dmarc.rr ?? null, policy, alignment, explanation };
}

export function arcReport(arc: ARCResult | false): ArcReport {
  if (!arc) return { result: 'none', instance: null, reason: null };
  return { result: arc.status.result, instance: arc.i || null, reason: arc.status.comment ?? null };
}
