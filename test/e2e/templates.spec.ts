// End to end: the Templates screen's editor with its live preview, and the Template tab of a templated
// message, in a real browser against the built CLI. The preview renders as you type (subject, HTML in a
// sandboxed frame that runs no script, text), shows SES's MissingRenderingAttribute with its text, and the
// template saved in the UI is the one a SendEmail with Content.Template (AWS SDK) uses: its message shows
// template, data and result side by side. Screenshots go to /tmp/shots4/.
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mkdirSync } from 'node:fs';
import { sesamePerFile, test, expect } from './sesame-fixture';

const SHOTS = '/tmp/shots4';
mkdirSync(SHOTS, { recursive: true });

const sesame = sesamePerFile();

test('the template editor renders a live preview, shows SES rendering errors, and saves', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(sesame.ui);
  await page.getByTestId('nav-templates').click();
  await expect(page.getByTestId('templates-empty')).toBeVisible();

  await page.getByTestId('template-name').fill('Welcome');
  await page.getByTestId('template-subject').fill('Welcome, {{name}}!');
  await page.getByTestId('template-text').fill('Dear {{name}},\nyour plan is {{plan.tier}}.');
  await page.getByTestId('template-html').fill('<h1>Hi {{name}}</h1><p>Your plan: <b>{{plan.tier}}</b></p><script>alert("xss")</script>');
  await page.getByTestId('template-data').fill('{"name": "Ana <admin>", "plan": {"tier": "Gold"}}');
  await expect(page.getByTestId('preview-subject')).toHaveText('Welcome, Ana <admin>!');
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator('h1')).toHaveText('Hi Ana');
  await expect(frame.locator('b')).toHaveText('Gold');
  await expect(page.getByTestId('preview-frame')).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
  await page.getByTestId('preview-tab-text').click();
  await expect(page.getByTestId('preview-text')).toContainText('Dear Ana <admin>,');
  await page.getByTestId('preview-tab-html').click();
  await page.screenshot({ path: `${SHOTS}/template-editor.png` });

  // A referenced attribute missing from the data: SES's error, code and text, as the user types.
  await page.getByTestId('template-data').fill('{"name": "Ana"}');
  const error = page.getByTestId('template-render-error');
  await expect(error).toHaveAttribute('data-code', 'MissingRenderingAttribute');
  await expect(error).toContainText("Attribute 'plan.tier' is not present in the rendering data.");
  await page.screenshot({ path: `${SHOTS}/template-editor-error.png` });

  await page.getByTestId('template-save').click();
  await expect(page.locator('[data-testid="template-row"][data-name="Welcome"]')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('template-name')).toBeDisabled();
  expect(dialogs).toEqual([]); // the <script> never ran
});

test('a templated message shows template, data and result side by side', async ({ page }) => {
  const res = await page.request.post(`${new URL(sesame.ui).origin}/api/templates`, {
    headers: { 'x-sesame-token': 'e2e-token' },
    data: { name: 'Receipt', subject: 'Receipt for {{order}}', text: 'Thanks {{name}}, order {{order}}.', html: '<p>Thanks <b>{{name}}</b>, order {{order}}.</p>' },
  });
  expect(res.ok(), await res.text()).toBe(true);
  const v2 = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 's' } });
  await v2.send(new SendEmailCommand({
    FromEmailAddress: 'shop@shop.example',
    Destination: { ToAddresses: ['buyer@example.com'] },
    Content: { Template: { TemplateName: 'Receipt', TemplateData: '{"name":"Bo","order":"A-17"}' } },
  }));
  v2.destroy();

  await page.goto(sesame.ui);
  await page.getByTestId('inbox-row').filter({ hasText: 'Receipt for A-17' }).click();
  await page.getByTestId('tab-template').click();
  await expect(page.getByTestId('template-tab-name')).toHaveText('Receipt');
  await expect(page.getByTestId('template-tab-data')).toContainText('"order": "A-17"');
  await expect(page.getByTestId('template-tab')).toContainText('Thanks {{name}}, order {{order}}.');
  await expect(page.getByTestId('template-tab')).toContainText('Thanks Bo, order A-17.');
  await expect(page.frameLocator('[data-testid="html-frame"]').locator('b')).toHaveText('Bo');
  await page.screenshot({ path: `${SHOTS}/template-tab.png` });
});
