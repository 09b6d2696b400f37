// The generator: its committed output is current (`--check` passes), `--check` really detects drift, and
// the tables carry the facts the protocols rely on.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sesModel, sesv2Model, snsModel } from '../../../src-main/protocols/generated/index';

const ROOT = join(__dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/generate-protocols.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'sesame-generated-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('generate-protocols', () => {
  it('--check passes on the committed output', () => {
    const out = execFileSync(process.execPath, [SCRIPT, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('Generated protocol tables are up to date.');
  }, 30_000);

  it('--check fails, naming the file, when the output differs', () => {
    cpSync(join(ROOT, 'src-main/protocols/generated'), scratch, { recursive: true });
    const file = join(scratch, 'ses.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"SendEmail"', '"SendEmailX"'));
    const res = spawnSync(process.execPath, [SCRIPT, '--check'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SESAME_GENERATED_DIR: scratch } });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/out of date: .*ses\.ts/);
    expect(res.stderr).toContain('npm run generate');
  }, 30_000);

  it('has every operation of the three services', () => {
    expect(Object.keys(sesv2Model.operations)).toHaveLength(116);
    expect(Object.keys(sesModel.operations)).toHaveLength(71);
    expect(Object.keys(snsModel.operations)).toHaveLength(42);
  });

  it('carries metadata, bindings, required members, and error wire identities', () => {
    expect(sesv2Model).toMatchObject({ protocol: 'rest-json', signingName: 'ses', version: '2019-09-27', sdkId: 'SESv2' });
    expect(sesModel).toMatchObject({ protocol: 'query', signingName: 'ses', xmlNamespace: 'http://ses.amazonaws.com/doc/2010-12-01/' });
    expect(snsModel).toMatchObject({ protocol: 'query', signingName: 'sns', xmlNamespace: 'http://sns.amazonaws.com/doc/2010-03-31/' });
    expect(sesv2Model.operations.SendEmail).toMatchObject({ http: { method: 'POST', uri: '/v2/email/outbound-emails', code: 200 }, input: 'SendEmailRequest' });
    expect(sesv2Model.operations.SendEmail.errors).toContain('MessageRejected');
    expect(sesv2Model.errors.TooManyRequestsException).toEqual({ fault: 'client', httpStatus: 429 });
    expect(sesv2Model.errors.NotFoundException.httpStatus).toBe(404);
    expect(sesModel.errors.ConfigurationSetDoesNotExistException).toMatchObject({ queryCode: 'ConfigurationSetDoesNotExist', queryStatus: 400 });
    expect(sesModel.operations.VerifyEmailAddress.output).toBeNull();
    expect(sesModel.shapes.SendEmailRequest).toMatchObject({ members: { Source: { required: true }, ReturnPath: { target: 'string' } } });
    expect(sesv2Model.shapes.GetDomainStatisticsReportRequest).toMatchObject({
      members: { Domain: { location: 'label' }, StartDate: { target: 'timestamp', location: 'query', locationName: 'StartDate' } },
    });
    expect(snsModel.shapes.MessageAttributeMap).toEqual({ type: 'map', key: 'string', value: 'MessageAttributeValue', keyName: 'Name', valueName: 'Value' });
  });
});
