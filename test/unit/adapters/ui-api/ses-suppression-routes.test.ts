// UI API suppression routes against a real engine: add (re-adding updates), list newest first with an
// address search, a reason filter and paging, remove, CSV export as a download and CSV import with per-line
// problems.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSesHarness, type SesHarness } from './ses-setup';

let h: SesHarness;
beforeEach(async () => {
  h = await startSesHarness();
});
afterEach(() => h.stop());

async function add(emailAddress: string, reason: string) {
  const res = await h.call('POST', '/api/suppression', { emailAddress, reason });
  h.clock.advance(1_000);
  return res;
}

const addresses = (res: { json(): { items: { emailAddress: string }[] } }) => res.json().items.map((e) => e.emailAddress);

describe('/api/suppression', () => {
  it('adds entries and lists them newest first, with search, reason filter and paging', async () => {
    const first = await add('a@example.com', 'BOUNCE');
    expect(first.status).toBe(200);
    expect(first.json()).toMatchObject({ emailAddress: 'a@example.com', reason: 'BOUNCE', messageId: null, feedbackId: null });
    await add('b@other.example', 'COMPLAINT');
    await add('c@example.com', 'BOUNCE');

    expect(addresses(await h.call('GET', '/api/suppression'))).toEqual(['c@example.com', 'b@other.example', 'a@example.com']);
    expect(addresses(await h.call('GET', '/api/suppression?q=EXAMPLE.com'))).toEqual(['c@example.com', 'a@example.com']);
    expect(addresses(await h.call('GET', '/api/suppression?reason=COMPLAINT'))).toEqual(['b@other.example']);
    expect(addresses(await h.call('GET', '/api/suppression?reason=COMPLAINT&reason=BOUNCE&q=c@'))).toEqual(['c@example.com']);

    const page1 = (await h.call('GET', '/api/suppression?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toBe('2');
    const page2 = (await h.call('GET', `/api/suppression?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2).toMatchObject({ items: [{ emailAddress: 'a@example.com' }], nextCursor: null });

    // Re-adding updates the reason and moves the entry to the top.
    await add('a@example.com', 'COMPLAINT');
    expect((await h.call('GET', '/api/suppression?limit=1')).json().items[0]).toMatchObject({ emailAddress: 'a@example.com', reason: 'COMPLAINT' });
  });

  it('refuses bad parameters and bodies with 400', async () => {
    for (const q of ['reason=SPAM', 'limit=0', 'limit=501', 'limit=x', 'cursor=-1', 'cursor=abc']) {
      expect((await h.call('GET', `/api/suppression?${q}`)).status, q).toBe(400);
    }
    for (const body of [{ emailAddress: 'x@example.com' }, { emailAddress: 'x@example.com', reason: 'bounce' }, { reason: 'BOUNCE' }, { emailAddress: 'x@example.com', reason: 'BOUNCE', extra: 1 }]) {
      expect((await h.call('POST', '/api/suppression', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(h.engine.suppression.list().items).toEqual([]);
  });

  it('removes an entry; a second remove is 404', async () => {
    await add('Someone+x@Example.com', 'BOUNCE');
    const res = await h.call('DELETE', `/api/suppression/${encodeURIComponent('Someone+x@Example.com')}`);
    expect(res.status).toBe(204);
    expect(h.engine.suppression.get('Someone+x@Example.com')).toBeUndefined();
    const again = await h.call('DELETE', `/api/suppression/${encodeURIComponent('Someone+x@Example.com')}`);
    expect(again.status).toBe(404);
    expect(again.json().message).toBe('Someone+x@Example.com is not on the suppression list.');
  });

  it('exports CSV as a download and imports CSV with per-line problems', async () => {
    await add('a@example.com', 'BOUNCE');
    await add('b@example.com', 'COMPLAINT');
    const out = await h.call('GET', '/api/suppression/export');
    expect(out.status).toBe(200);
    expect(out.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(out.headers['content-disposition']).toContain('attachment; filename="suppression-list.csv"');
    expect(out.text.trim().split(/\r?\n/)).toEqual(['EmailAddress,Reason', 'b@example.com,COMPLAINT', 'a@example.com,BOUNCE']);

    const csv = 'EmailAddress,Reason\na@example.com,COMPLAINT\nnew@example.com,BOUNCE\nnot an address,BOUNCE\n';
    const res = await h.call('POST', '/api/suppression/import', csv, { contentType: 'text/csv' });
    expect(res.status).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ added: 1, updated: 1 });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^Line 4: /);
    expect(h.engine.suppression.get('new@example.com')?.reason).toBe('BOUNCE');
    expect(h.engine.suppression.get('a@example.com')?.reason).toBe('COMPLAINT');
    expect((await h.call('POST', '/api/suppression/export')).status).toBe(405);
  });
});
