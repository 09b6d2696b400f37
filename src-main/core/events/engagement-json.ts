// The engagement objects of SES events after `mail`: `open` and `click` (ses-facts §A.5.2; AWS doc
// event-publishing-retrieving-sns-examples). Key order follows the AWS doc's examples: open
// `{ipAddress, timestamp, userAgent}`; click `{ipAddress, link, linkTags, timestamp, userAgent}` [verify:
// whether SES omits linkTags for a link without ses:tags — here it is always present, `{}` when none].
// Owns: those shapes. Must not: choose values (core/tracking does) or touch `mail` (event-json.ts).

export interface OpenObject {
  ipAddress: string;
  timestamp: string;
  userAgent: string;
}

export interface ClickObject {
  ipAddress: string;
  link: string;
  linkTags: Record<string, string[]>;
  timestamp: string;
  userAgent: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function openBody(o: { ipAddress: string; timestamp: number; userAgent: string }): { open: OpenObject } {
  return { open: { ipAddress: o.ipAddress, timestamp: iso(o.timestamp), userAgent: o.userAgent } };
}

export function clickBody(c: {
  ipAddress: string;
  link: string;
  linkTags: Record<string, string[]>;
  timestamp: number;
  userAgent: string;
}): { click: ClickObject } {
  const linkTags = Object.fromEntries(Object.entries(c.linkTags).map(([k, v]) => [k, [...v]]));
  return { click: { ipAddress: c.ipAddress, link: c.link, linkTags, timestamp: iso(c.timestamp), userAgent: c.userAgent } };
}
