// Per-message capabilities computed in the page (contract/ui-api.ts CAPABILITY_QUERY): lowercase hex
// HMAC-SHA256 of a scope, keyed with the token. The HTML preview's iframe address carries one instead of the
// token, because the mail's own markup and styles live at that address.
// Owns: the WebCrypto computation. Must not: fall back to the token — null means "rely on the cookie".
// WebCrypto exists only in secure contexts (127.0.0.1 and Electron are; a UI exposed over plain http on a
// LAN address is not), hence the null.

export async function capabilityFor(token: string, scope: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle || token === '') return null;
  try {
    const enc = new TextEncoder();
    const key = await subtle.importKey('raw', enc.encode(token), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await subtle.sign('HMAC', key, enc.encode(scope)));
    return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}
