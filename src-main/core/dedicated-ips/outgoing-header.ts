// Writes a send's dedicated outgoing IP into the X-SES-Outgoing header SES added (ses-headers.ts). The draft
// adds the header before the sending gate resolves the configuration set (an identity's default set can name
// the pool), so the pipeline re-writes it once the route is known, before DKIM signing.
// Owns: that one header edit. Must not: choose the IP (dedicated-ips.ts does).
import { editHeaders, findField, readHeaderBlock } from '../mime/header-block';
import { xSesOutgoing } from '../sending/ses-headers';

export function withOutgoingIp(mime: Buffer, ip: string, at: number): Buffer {
  const block = readHeaderBlock(mime);
  const field = findField(block.fields, 'x-ses-outgoing');
  return editHeaders(mime, block, { remove: field ? [field] : [], append: [`X-SES-Outgoing: ${xSesOutgoing(at, ip)}`] });
}
