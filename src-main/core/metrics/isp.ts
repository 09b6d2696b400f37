// The ISP dimension (VDM's `ISP`: "The recipient ISP (e.g. Gmail, Yahoo, etc.)"): the recipient's mailbox
// provider, read from the recipient's domain with a small table of the big consumer providers. SES decides
// this from the receiving MX; Sesame has no real MX to look at, so the domain stands in for it.
// The names are GetMessageInsights' `Isp` values (core/publishing/insights.ts), so a filter copied from one
// answer works in the other; anything else is `UNKNOWN_ISP` there and here.
// [verify] the exact provider names VDM lists beyond "Gmail" and "Yahoo" (the API docs' examples).
// Owns: that table (a per-recipient lookup on the counting path: no address parsing). Must not: touch the store.

const EXACT: Record<string, string> = {
  'gmail.com': 'Gmail',
  'googlemail.com': 'Gmail',
  'aol.com': 'Yahoo',
  'outlook.com': 'Hotmail',
  'hotmail.com': 'Hotmail',
  'live.com': 'Hotmail',
  'msn.com': 'Hotmail',
  'icloud.com': 'iCloud',
  'me.com': 'iCloud',
  'mac.com': 'iCloud',
  'simulator.amazonses.com': 'Amazon SES Mailbox Simulator',
};

/** `Hotmail` also covers national variants (`hotmail.co.uk`, `live.fr`); `Yahoo` covers `yahoo.*` and `ymail.com`. */
const PATTERNS: [RegExp, string][] = [
  [/^(yahoo|ymail|rocketmail)\.[a-z.]+$/, 'Yahoo'],
  [/^aol\.[a-z.]+$/, 'Yahoo'],
  [/^(outlook|hotmail|live|msn)\.[a-z.]+$/, 'Hotmail'],
];

export const OTHER_ISP = 'UNKNOWN_ISP';

/** The provider of a recipient address (`UNKNOWN_ISP` when none of the table's). */
export function ispOf(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  const exact = EXACT[domain];
  if (exact) return exact;
  for (const [re, name] of PATTERNS) if (re.test(domain)) return name;
  return OTHER_ISP;
}
