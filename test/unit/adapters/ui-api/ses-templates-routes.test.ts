// UI API template routes against a real engine: CRUD (SES's refusals keep their codes), the live render of
// inline content (rendered parts, or SES's MissingRenderingAttribute / InvalidRenderingParameter as data),
// and the preview document served with the message preview's CSP (no script can run).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREVIEW_CSP } from '../../../../src-main/adapters/ui-api/html-preview';
import { PREVIEW_KEEP } from '../../../../src-main/adapters/ui-api/ses-routes-templates';
import { startSesHarness, type SesHarness } from './ses-setup';

let h: SesHarness;
beforeEach(async () => {
  h = await startSesHarness();
});
afterEach(() => h.stop());

const parts = { subject: 'Hi {{name}}', text: 'Hello {{name}}', html: '<p>Hello <b>{{name}}</b></p>' };
const body = { name: 'Welcome', ...parts };

describe('/api/templates', () => {
  it('creates, lists, reads, updates and deletes templates', async () => {
    const created = await h.call('POST', '/api/templates', body);
    expect(created.status, created.text).toBe(200);
    expect(created.json()).toMatchObject({ name: 'Welcome', subject: 'Hi {{name}}', text: 'Hello {{name}}', html: '<p>Hello <b>{{name}}</b></p>' });
    expect(created.json().createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await h.call('GET', '/api/templates')).json().items.map((t: { name: string }) => t.name)).toEqual(['Welcome']);

    const updated = await h.call('PUT', '/api/templates/Welcome', { name: 'ignored', subject: 'New {{x}}', text: '', html: '<i>{{x}}</i>' });
    expect(updated.json()).toMatchObject({ name: 'Welcome', subject: 'New {{x}}', text: null, html: '<i>{{x}}</i>' });
    expect(h.engine.templates.get('Welcome').content).toEqual({ subject: 'New {{x}}', text: null, html: '<i>{{x}}</i>' });

    expect((await h.call('DELETE', '/api/templates/Welcome')).status).toBe(204);
    expect((await h.call('DELETE', '/api/templates/Welcome')).status).toBe(404);
    expect((await h.call('GET', '/api/templates')).json().items).toEqual([]);
  });

  it('answers SES refusals with their code: a duplicate name, a missing template, unknown members', async () => {
    await h.call('POST', '/api/templates', body);
    const dup = await h.call('POST', '/api/templates', body);
    expect(dup.status).toBe(400);
    expect(dup.json().code).toMatch(/AlreadyExists/);
    const gone = await h.call('GET', '/api/templates/Nope');
    expect(gone.status).toBe(404);
    expect(gone.json().code).toBe('NotFoundException');
    expect((await h.call('POST', '/api/templates', { ...body, name: 'Other', extra: 1 })).status).toBe(400);
  });
});

describe('/api/template-render', () => {
  it('renders inline content without HTML escaping, and serves the HTML as a locked-down preview document', async () => {
    const res = await h.call('POST', '/api/template-render', { ...parts, data: '{"name":"<Ana & Bo>"}' });
    expect(res.status).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ subject: 'Hi <Ana & Bo>', text: 'Hello <Ana & Bo>', html: '<p>Hello <b><Ana & Bo></b></p>', error: null });
    expect(r.previewId).toMatch(/^[0-9a-f-]{36}$/);

    const doc = await h.call('GET', `/api/template-preview/${r.previewId}`);
    expect(doc.status).toBe(200);
    expect(doc.headers['content-security-policy']).toBe(PREVIEW_CSP.local);
    expect(doc.headers['content-security-policy']).toContain('sandbox');
    expect(doc.headers['content-security-policy']).not.toContain('script-src');
    expect(doc.text).toContain('<p>Hello <b><Ana & Bo></b></p>');
    // The preview needs the token like every API route.
    expect((await h.call('GET', `/api/template-preview/${r.previewId}`, undefined, { auth: false })).status).toBe(401);
  });

  it('reports SES rendering errors as data: a missing attribute, data that is not JSON', async () => {
    const missing = (await h.call('POST', '/api/template-render', { ...parts, data: '{"other":1}' })).json();
    expect(missing).toMatchObject({ subject: null, html: null, previewId: null, error: { code: 'MissingRenderingAttribute' } });
    expect(missing.error.message).toBe("Attribute 'name' is not present in the rendering data.");
    const bad = (await h.call('POST', '/api/template-render', { ...parts, data: '{nope' })).json();
    expect(bad.error.code).toBe('InvalidRenderingParameter');
  });

  it('keeps only the newest previews', async () => {
    const ids: string[] = [];
    for (let i = 0; i <= PREVIEW_KEEP; i++) ids.push((await h.call('POST', '/api/template-render', { subject: 's', html: `<p>${i}</p>`, data: '{}' })).json().previewId);
    expect((await h.call('GET', `/api/template-preview/${ids[0]}`)).status).toBe(404);
    expect((await h.call('GET', `/api/template-preview/${ids[PREVIEW_KEEP]}`)).text).toContain(`<p>${PREVIEW_KEEP}</p>`);
    expect((await h.call('GET', '/api/template-preview/not-an-id')).status).toBe(400);
  });
});
