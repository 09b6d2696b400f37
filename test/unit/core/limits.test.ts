// Message tags and blocked attachments (ses-facts §A.3, §A.10): SES's exact texts for v1 Tags, v2 EmailTags
// and the X-SES-MESSAGE-TAGS header; attachments SES will not carry, found in v2 Simple Attachments and in raw
// MIME (Content-Disposition filename, Content-Type name, RFC 2231 and RFC 2047 encoded names). A refused send
// stores, emits and charges nothing.
import { describe, expect, it } from 'vitest';
import type { MessageTag, SendRequest } from '../../../src-main/core/engine-api';
import { BLOCKED_ATTACHMENT_EXTENSIONS, MAX_TAG_NAME_CHARS } from '../../../src-main/core/limits';
import { collect, crlf, makeEngine, rawRequest, refusal, simpleRequest, smtpCaller } from './helpers';

/** Sends `req` on a fresh engine, expects a refusal and checks nothing was stored, emitted or charged. */
async function refused(req: SendRequest) {
  const { engine } = makeEngine();
  const seen = collect(engine);
  const err = await refusal(engine.sending.send(req));
  expect(engine.messages.counts().total).toBe(0);
  expect(engine.account.quota().sentLast24Hours).toBe(0);
  expect(seen).toEqual([]);
  return err;
}

const withTags = (...tags: MessageTag[]) => simpleRequest({ tags });
const long = (s: string) => s.repeat(100);

describe('message tags', () => {
  it('uses SES v1 texts, InvalidParameterValue (v2 BadRequestException, SMTP 554 Transaction failed)', async () => {
    const cases: [MessageTag, string][] = [
      [{ name: 'test_invalid_name:123', value: 'test' }, "Invalid tag name <test_invalid_name:123>: only alphanumeric ASCII characters, '_',  '-' are allowed."],
      [{ name: 'test', value: 'test_invalid_value:123' }, "Invalid tag value <test_invalid_value:123>: only alphanumeric ASCII characters, '_',  '-' , '.', '@' are allowed."],
      [{ name: long('test_invalid_name_len'), value: 'test' }, 'Tag name cannot exceed 255 characters.'],
      [{ name: 'test', value: long('test_invalid_value_len') }, 'Tag value cannot exceed 255 characters.'],
      [{ name: '', value: '' }, 'The tag name must be specified.'],
      [{ name: '', value: 'test' }, 'The tag name must be specified.'],
      [{ name: 'test', value: '' }, 'The tag value must be specified.'],
    ];
    for (const [tag, text] of cases) {
      const err = await refused(withTags(tag));
      expect([err.message, err.kind, err.wire.v2, err.wire.smtp.code, err.wire.smtp.prefix]).toEqual([
        text, 'InvalidParameterValue', 'BadRequestException', 554, 'Transaction failed: ',
      ]);
    }
  });

  it('checks the name before the value, and tags in order', async () => {
    expect((await refused(withTags({ name: 'test_invalid_name@123', value: long('test_invalid_value_len') }))).message).toMatch(/^Invalid tag name/);
    expect((await refused(withTags({ name: 'n'.repeat(300), value: '' }))).message).toBe('Tag name cannot exceed 255 characters.');
    expect((await refused(withTags({ name: 'ok', value: 'bad value' }, { name: 'bad name', value: 'ok' }))).message).toMatch(/^Invalid tag value <bad value>/);
  });

  it('lets ses:-prefixed names, 255-character names and values, and . @ in values through', async () => {
    const { engine } = makeEngine();
    const tags = [
      { name: 'ses:feedback-id-a', value: 'this-marketing-campaign' },
      { name: 'n'.repeat(MAX_TAG_NAME_CHARS), value: 'v'.repeat(255) },
      { name: 'Campaign_2-B', value: 'user.name@example.com' },
    ];
    const { messageId } = await engine.sending.send(withTags(...tags));
    const tagsOf = (await engine.messages.get(messageId))!.tags;
    expect(tagsOf['Campaign_2-B']).toEqual(['user.name@example.com']);
    // Only the prefix is exempt: what follows it is checked like any name.
    expect((await refused(withTags({ name: 'ses:bad name', value: 'x' }))).message).toMatch(/^Invalid tag name <ses:bad name>/);
  });

  it('checks X-SES-MESSAGE-TAGS in raw mail and Simple custom headers the same way', async () => {
    const raw = (tags: string) => rawRequest(crlf('From: a@example.com', 'To: b@example.com', `X-SES-MESSAGE-TAGS: ${tags}`, '', 'x'));
    expect((await refused(raw('campaign=spring, bad:name=x'))).message).toBe(
      "Invalid tag name <bad:name>: only alphanumeric ASCII characters, '_',  '-' are allowed.",
    );
    expect((await refused(raw('campaign=spr ing'))).message).toMatch(/^Invalid tag value <spr ing>/);
    // An entry without '=' is a tag without a value; '=v' one without a name.
    expect((await refused(raw('campaign'))).message).toBe('The tag value must be specified.');
    expect((await refused(raw('=spring'))).message).toBe('The tag name must be specified.');
    expect((await refused({ ...raw('a=b, c=d e'), caller: smtpCaller, maxBytes: 40 * 1024 * 1024 })).message).toMatch(/^Invalid tag value <d e>/);
    const simple = simpleRequest({
      content: { kind: 'simple', subject: { data: 's' }, text: { data: 't' }, headers: [{ name: 'X-SES-MESSAGE-TAGS', value: 'k=v!' }] },
    });
    expect((await refused(simple)).message).toMatch(/^Invalid tag value <v!>/);

    // Blank entries are skipped; good header tags are kept.
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(raw('campaign=spring, , variant=b'));
    expect((await engine.messages.get(messageId))!.tags).toMatchObject({ campaign: ['spring'], variant: ['b'] });
  });

  it('checks only the tags that apply: API tags replace header tags, so a bad header is then ignored', async () => {
    const { engine } = makeEngine();
    const req = rawRequest(crlf('From: a@example.com', 'To: b@example.com', 'X-SES-MESSAGE-TAGS: bad name=x', '', 'x'), {
      tags: [{ name: 'source', value: 'api' }],
    });
    const { messageId } = await engine.sending.send(req);
    const tags = (await engine.messages.get(messageId))!.tags;
    expect(tags.source).toEqual(['api']);
    expect(tags['bad name']).toBeUndefined();
  });
});

const attachment = (fileName: string) => ({ fileName, content: Buffer.from('MZ'), contentType: 'application/octet-stream' });
const simpleWith = (...names: string[]) =>
  simpleRequest({ content: { kind: 'simple', subject: { data: 's' }, text: { data: 't' }, attachments: names.map(attachment) } });

/** A multipart/mixed raw message with one attachment part carrying `partHeaders`. */
const rawWith = (...partHeaders: string[]) =>
  rawRequest(
    crlf(
      'From: a@example.com', 'To: b@example.com', 'Subject: files', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"', '',
      '--b1', 'Content-Type: text/plain', '', 'see attached', '--b1', ...partHeaders, 'Content-Transfer-Encoding: base64', '', 'TVo=', '--b1--', '',
    ),
  );

describe('blocked attachments', () => {
  it('refuses a v2 Simple attachment with a blocked extension: MessageRejected, SMTP 554 Message rejected', async () => {
    const err = await refused(simpleWith('report.pdf', 'setup.exe'));
    expect([err.kind, err.message, err.wire.v1, err.wire.v2]).toEqual(['MessageRejected', "Illegal filename 'setup.exe'.", 'MessageRejected', 'MessageRejected']);
    expect(err.wire.smtp).toEqual({ code: 554, prefix: 'Message rejected: ' });
  });

  it('matches every extension on the list, case-insensitively', async () => {
    expect(BLOCKED_ATTACHMENT_EXTENSIONS.size).toBe(90);
    const { engine } = makeEngine();
    for (const ext of BLOCKED_ATTACHMENT_EXTENSIONS) {
      for (const name of [`f.${ext}`, `F.${ext.toUpperCase()}`]) {
        const err = await refusal(engine.sending.send(simpleWith(name)));
        expect(err.message).toBe(`Illegal filename '${name}'.`);
      }
    }
    expect(engine.messages.counts().total).toBe(0);
  });

  it('lets other names through: near misses, no extension, the extension only inside the name', async () => {
    const { engine } = makeEngine();
    for (const name of ['report.pdf', 'exe', 'setup.exe.txt', 'a.jsx', 'archive.zip', 'notes.EXEC']) {
      await expect(engine.sending.send(simpleWith(name)), name).resolves.toHaveProperty('messageId');
    }
  });

  it('finds names in raw MIME: Content-Disposition filename, Content-Type name, RFC 2231 and RFC 2047 forms', async () => {
    const cases: [string[], string][] = [
      [['Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="run.bat"'], 'run.bat'],
      [['Content-Type: application/octet-stream; name="Tool.EXE"'], 'Tool.EXE'],
      [['Content-Type: application/octet-stream', "Content-Disposition: attachment; filename*=utf-8''na%C3%AFve.vbs"], 'naïve.vbs'],
      [['Content-Type: application/octet-stream', "Content-Disposition: attachment; filename*0*=utf-8''in; filename*1=voice.js"], 'invoice.js'],
      [['Content-Type: application/octet-stream; name="=?UTF-8?B?w6ljaGVjLnNjcg==?="'], 'échec.scr'],
      [['Content-Type: image/png', 'Content-Disposition: inline; filename="shortcut.lnk"'], 'shortcut.lnk'],
      // A trailing dot or space does not hide the extension (Windows drops them when it opens the file).
      [['Content-Type: application/octet-stream', 'Content-Disposition: attachment; filename="x.exe."'], 'x.exe.'],
    ];
    for (const [headers, name] of cases) {
      const err = await refused(rawWith(...headers));
      expect([err.kind, err.message]).toEqual(['MessageRejected', `Illegal filename '${name}'.`]);
    }
  });

  it('looks into nested multiparts and single-part messages, and through the SMTP door too', async () => {
    const nested = rawRequest(
      crlf(
        'From: a@example.com', 'To: b@example.com', 'Content-Type: multipart/mixed; boundary=o', '',
        '--o', 'Content-Type: multipart/alternative; boundary=i', '', '--i', 'Content-Type: text/plain', '', 'x',
        '--i', 'Content-Type: application/x-msdownload; name=deep.msi', '', 'TVo=', '--i--', '--o--', '',
      ),
      { caller: smtpCaller },
    );
    expect((await refused(nested)).message).toBe("Illegal filename 'deep.msi'.");
    const single = rawRequest(crlf('From: a@example.com', 'To: b@example.com', 'Content-Type: text/plain', 'Content-Disposition: attachment; filename=a.ps1', '', 'x'));
    expect((await refused(single)).message).toBe("Illegal filename 'a.ps1'.");
    const { engine } = makeEngine();
    await expect(engine.sending.send(rawWith('Content-Type: application/pdf; name="fine.pdf"'))).resolves.toHaveProperty('messageId');
  });
});
