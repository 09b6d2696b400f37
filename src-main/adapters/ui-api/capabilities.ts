// Per-message capabilities: what the UI API puts in URLs that hostile mail HTML can read, instead of the
// master token. The preview's own address carries a preview capability and its rewritten `cid:` images an
// attachments capability (contract/ui-api.ts CAPABILITY_QUERY, CapabilityScopes); with remote content on,
// CSS attribute selectors can leak what the markup contains, so what leaks must open nothing but that one
// message's preview or attachments, read-only. Capability = hex HMAC-SHA256(token, scope).
// Owns: computing and checking capabilities, and which request a capability may authorise.
// Must not: accept a capability for anything but GET of the matching route and message.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CapabilityScopes } from '../../contract/ui-api';

export function capability(token: string, scope: string): string {
  return createHmac('sha256', token).update(scope, 'utf8').digest('hex');
}

/** Timing-safe: the comparison does not depend on where the strings differ (their length is public: 64). */
export function capabilityMatches(token: string, scope: string, presented: string): boolean {
  const expected = Buffer.from(capability(token, scope), 'utf8');
  const given = Buffer.from(presented, 'utf8');
  return given.length === expected.length && timingSafeEqual(expected, given);
}

/**
 * The scope a capability must have to authorise this request, or null when no capability may: only GET of
 * `/api/messages/:id/html` (preview) and `/api/messages/:id/attachments/:index` (attachments).
 */
export function capabilityScopeFor(method: string, path: string): string | null {
  if (method !== 'GET') return null;
  const m = /^\/api\/messages\/([^/]+)\/(?:(html)|attachments\/[^/]+)$/.exec(path);
  if (!m) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    return null;
  }
  if (id === '') return null;
  return m[2] === 'html' ? CapabilityScopes.preview(id) : CapabilityScopes.attachments(id);
}
