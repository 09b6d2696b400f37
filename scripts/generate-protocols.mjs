// Generates src-main/protocols/generated/{sesv2,ses,sns,index}.ts from the service schemas that ship
// inside the installed AWS SDK v3 clients.
//
// Owns: turning @smithy/core's compact static schemas ([9 op], [3 struct], [-3 error], [1 list],
// [2 map], numeric simple types, bit-packed member traits) into plain, sorted, typed tables (see
// src-main/protocols/model/types.ts), plus each operation's modelled errors, read from the
// `@throws {@link X}` lines of the client's per-command .d.ts files (the compact operation schemas do
// not carry them).
// Must not: hand-edit a model. The one exception is URI_OVERRIDES below, checked against the SDK.
//
// Usage: node scripts/generate-protocols.mjs          write the files
//        node scripts/generate-protocols.mjs --check  regenerate in memory; exit 1 if the committed files differ
//
// Note: the clients' dist-es/schemas/schemas_0.js cannot be imported by plain Node (its relative imports
// have no extension), so we load the clients' CommonJS builds, which export the same `X$` schemas.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// SESAME_GENERATED_DIR lets the generator's own test point --check at a scratch copy.
const OUT_DIR = process.env.SESAME_GENERATED_DIR ? resolve(process.env.SESAME_GENERATED_DIR) : join(ROOT, 'src-main/protocols/generated');
const require = createRequire(join(ROOT, 'package.json'));
const { NormalizedSchema } = require(join(ROOT, 'node_modules/@smithy/core/dist-cjs/submodules/schema/index.js'));

const SERVICES = [
  { service: 'sesv2', pkg: 'client-sesv2', exportName: 'sesv2Model' },
  { service: 'ses', pkg: 'client-ses', exportName: 'sesModel' },
  { service: 'sns', pkg: 'client-sns', exportName: 'snsModel' },
];

// botocore's sesv2 model (and the service) has a trailing slash on these two routes (ses-facts §A.0);
// the SDK v3 schemas drop it. We keep the slash: it is part of the route (boto3 and the AWS CLI send it).
const URI_OVERRIDES = {
  sesv2: {
    GetMessageInsights: '/v2/email/insights/{MessageId}/',
    GetEmailAddressInsights: '/v2/email/email-address-insights/',
  },
};

const PROTOCOLS = { 'aws.protocols#restJson1': 'rest-json', 'aws.protocols#awsQuery': 'query' };
const TIMESTAMP_FORMATS = { 5: 'date-time', 6: 'http-date', 7: 'epoch-seconds' };

/** Primitive name of a numeric simple schema (@smithy/types static-schemas). */
function primitive(code) {
  if (code === 0) return 'string';
  if (code === 1 || code === 17 || code === 19) return 'number';
  if (code === 2) return 'boolean';
  if (code >= 4 && code <= 7) return 'timestamp';
  if (code === 21 || code === 42) return 'blob';
  if (code === 15) return 'document';
  throw new Error(`unknown simple schema ${code}`);
}

function buildModel({ service, pkg }) {
  const pkgDir = join(ROOT, 'node_modules/@aws-sdk', pkg);
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const sdk = require(join(pkgDir, 'dist-cjs/index.js'));
  const Client = Object.values(sdk).find((v) => typeof v === 'function' && /Client$/.test(v.name) && v.name !== 'Client');
  const config = new Client({ region: 'us-east-1' }).config;
  const protocol = PROTOCOLS[config.protocol.getShapeId()];
  if (!protocol) throw new Error(`${service}: unsupported protocol ${config.protocol.getShapeId()}`);
  const auth = readFileSync(join(pkgDir, 'dist-es/auth/httpAuthSchemeProvider.js'), 'utf8');
  const signingName = /signingProperties:\s*{\s*name:\s*"([^"]+)"/.exec(auth)?.[1];
  if (!signingName) throw new Error(`${service}: signing name not found`);

  const shapes = {};
  const errors = {};

  /** Returns the target name for a (member) schema, defining named/anonymous shapes on the way. */
  function target(ns) {
    const raw = ns.getSchema();
    if (ns.isUnitSchema()) return null;
    if (typeof raw === 'number') {
      if (raw >= 64 && raw < 128) return define(`list<${primitive(raw & 63)}>`, () => ({ type: 'list', member: primitive(raw & 63) }));
      if (raw >= 128) return define(`map<${primitive(raw & 63)}>`, () => ({ type: 'map', key: 'string', value: primitive(raw & 63) }));
      return primitive(raw);
    }
    const kind = raw[0];
    const name = raw[2];
    if (kind === 1) return define(name, () => collection(ns, { type: 'list' }));
    if (kind === 2) return define(name, () => collection(ns, { type: 'map' }));
    if (kind === 3 || kind === 4 || kind === -3) return define(name, () => structure(ns, raw));
    throw new Error(`${service}: unknown schema kind ${kind} (${name})`);
  }

  function define(name, build) {
    if (!(name in shapes)) {
      shapes[name] = null; // cycle guard
      shapes[name] = build();
    }
    return name;
  }

  function collection(ns, shape) {
    const traits = ns.getMergedTraits();
    const value = ns.getValueSchema();
    const valueTraits = value.getMergedTraits();
    if (shape.type === 'list') {
      shape.member = elementTarget(value);
      if (valueTraits.xmlName) shape.memberName = valueTraits.xmlName;
    } else {
      const key = ns.getKeySchema();
      shape.key = elementTarget(key);
      shape.value = elementTarget(value);
      if (key.getMergedTraits().xmlName) shape.keyName = key.getMergedTraits().xmlName;
      if (valueTraits.xmlName) shape.valueName = valueTraits.xmlName;
    }
    if (traits.xmlFlattened) shape.flattened = true;
    return shape;
  }

  function elementTarget(ns) {
    const raw = ns.getSchema();
    if (typeof raw === 'number' && raw >= 5 && raw <= 7) throw new Error(`${service}: timestamp format inside a collection is not supported`);
    return target(ns);
  }

  function structure(ns, raw) {
    const requiredCount = typeof raw[6] === 'number' ? raw[6] : 0;
    const members = {};
    let i = 0;
    for (const [name, member] of ns.structIterator()) {
      const t = member.getMergedTraits();
      const m = { target: target(member) };
      if (i++ < requiredCount) m.required = true;
      const location = locationOf(t, name);
      if (location) Object.assign(m, location);
      if (t.xmlName) m.xmlName = t.xmlName;
      if (t.xmlFlattened) m.flattened = true;
      const code = member.getSchema();
      if (typeof code === 'number' && TIMESTAMP_FORMATS[code]) m.timestampFormat = TIMESTAMP_FORMATS[code];
      if (t.sensitive) m.sensitive = true;
      members[name] = m;
    }
    const shape = { type: 'structure', members };
    if (raw[0] === 4) shape.union = true;
    if (raw[0] === -3) defineError(raw[2], ns.getMergedTraits());
    return shape;
  }

  function locationOf(t) {
    if (t.httpLabel) return { location: 'label' };
    if (typeof t.httpQuery === 'string') return { location: 'query', locationName: t.httpQuery };
    if (t.httpQueryParams) return { location: 'queryParams' };
    if (typeof t.httpHeader === 'string') return { location: 'header', locationName: t.httpHeader };
    if (typeof t.httpPrefixHeaders === 'string') return { location: 'prefixHeaders', locationName: t.httpPrefixHeaders };
    if (t.httpPayload) return { location: 'payload' };
    if (t.httpResponseCode) return { location: 'responseCode' };
    return null;
  }

  function defineError(name, t) {
    const fault = t.error === 'server' ? 'server' : 'client';
    const e = { fault, httpStatus: t.httpError ?? (fault === 'server' ? 500 : 400) };
    if (Array.isArray(t.awsQueryError)) {
      e.queryCode = t.awsQueryError[0];
      e.queryStatus = t.awsQueryError[1];
    }
    errors[name] = e;
  }

  // Every modelled error, including those no operation lists.
  for (const [key, value] of Object.entries(sdk)) {
    if (key.endsWith('$') && Array.isArray(value) && value[0] === -3 && value[1] === config.protocolSettings.defaultNamespace) {
      target(NormalizedSchema.of(value));
    }
  }

  const operations = {};
  for (const [key, op] of Object.entries(sdk)) {
    if (!key.endsWith('$') || !Array.isArray(op) || op[0] !== 9) continue;
    const name = op[2];
    const entry = { name };
    const http = op[3]?.http;
    if (http) {
      let uri = http[1];
      const override = URI_OVERRIDES[service]?.[name];
      if (override) {
        if (uri !== override && `${uri}/` !== override) throw new Error(`${service}.${name}: SDK uri ${uri} no longer matches override ${override}`);
        uri = override;
      }
      entry.http = { method: http[0], uri, code: http[2] };
    }
    entry.input = target(NormalizedSchema.of(op[4]));
    entry.output = target(NormalizedSchema.of(op[5]));
    entry.errors = commandErrors(pkgDir, name, errors);
    operations[name] = entry;
  }
  for (const [svc, overrides] of Object.entries(URI_OVERRIDES)) {
    if (svc !== service) continue;
    for (const name of Object.keys(overrides)) if (!operations[name]) throw new Error(`${service}: override for unknown ${name}`);
  }

  return {
    service,
    sdkId: config.serviceId,
    protocol,
    namespace: config.protocolSettings.defaultNamespace,
    version: config.apiVersion,
    signingName,
    ...(config.protocolSettings.xmlNamespace ? { xmlNamespace: config.protocolSettings.xmlNamespace } : {}),
    source: `@aws-sdk/${pkg}@${version}`,
    operations: sortKeys(operations),
    shapes: sortKeys(shapes),
    errors: sortKeys(errors),
  };
}

function commandErrors(pkgDir, op, errors) {
  const file = join(pkgDir, 'dist-types/commands', `${op}Command.d.ts`);
  if (!existsSync(file)) throw new Error(`no command file for ${op}: ${file}`);
  const names = [...readFileSync(file, 'utf8').matchAll(/@throws \{@link (\w+)\} \((?:client|server) fault\)/g)].map((m) => m[1]);
  for (const n of names) if (!errors[n]) throw new Error(`${op} throws ${n}, which is not a modelled error`);
  return [...new Set(names)].sort();
}

function sortKeys(obj) {
  return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));
}

const j = (v) => JSON.stringify(v);

function render(model, exportName) {
  const out = [];
  out.push(`// Generated by scripts/generate-protocols.mjs from ${model.source}. Do not edit; run \`npm run generate\`.`);
  out.push(`// ${Object.keys(model.operations).length} operations, ${Object.keys(model.shapes).length} shapes, ${Object.keys(model.errors).length} errors.`);
  out.push(`import type { ServiceModel } from '../model/types';`, '');
  out.push(`export const ${exportName}: ServiceModel = {`);
  for (const key of ['service', 'sdkId', 'protocol', 'namespace', 'version', 'signingName', 'xmlNamespace', 'source']) {
    if (model[key] !== undefined) out.push(`  ${key}: ${j(model[key])},`);
  }
  out.push('  operations: {');
  for (const [name, op] of Object.entries(model.operations)) out.push(`    ${j(name)}: ${j(op)},`);
  out.push('  },', '  shapes: {');
  for (const [name, shape] of Object.entries(model.shapes)) {
    if (shape.type !== 'structure') {
      out.push(`    ${j(name)}: ${j(shape)},`);
      continue;
    }
    const head = shape.union ? `"type": "structure", "union": true` : `"type": "structure"`;
    const entries = Object.entries(shape.members);
    if (entries.length === 0) {
      out.push(`    ${j(name)}: { ${head}, "members": {} },`);
      continue;
    }
    out.push(`    ${j(name)}: { ${head}, "members": {`);
    for (const [m, member] of entries) out.push(`      ${j(m)}: ${j(member)},`);
    out.push('    } },');
  }
  out.push('  },', '  errors: {');
  for (const [name, e] of Object.entries(model.errors)) out.push(`    ${j(name)}: ${j(e)},`);
  out.push('  },', '};', '');
  return out.join('\n');
}

function renderIndex() {
  return [
    '// Generated by scripts/generate-protocols.mjs. Do not edit; run `npm run generate`.',
    ...SERVICES.map((s) => `import { ${s.exportName} } from './${s.service}';`),
    `import type { ServiceModel, ServiceName } from '../model/types';`,
    '',
    ...SERVICES.map((s) => `export { ${s.exportName} } from './${s.service}';`),
    '',
    'export const SERVICE_MODELS: Readonly<Record<ServiceName, ServiceModel>> = {',
    ...SERVICES.map((s) => `  ${s.service}: ${s.exportName},`),
    '};',
    '',
  ].join('\n');
}

function main() {
  const check = process.argv.includes('--check');
  const files = {};
  for (const s of SERVICES) {
    const model = buildModel(s);
    files[`${s.service}.ts`] = render(model, s.exportName);
    console.log(`${s.service}: ${Object.keys(model.operations).length} operations, ${Object.keys(model.shapes).length} shapes, ${Object.keys(model.errors).length} errors (${model.source})`);
  }
  files['index.ts'] = renderIndex();
  if (check) {
    const stale = Object.entries(files).filter(([f, text]) => {
      const path = join(OUT_DIR, f);
      return !existsSync(path) || readFileSync(path, 'utf8') !== text;
    });
    if (stale.length > 0) {
      console.error(`Generated protocol tables are out of date: ${stale.map(([f]) => relative(ROOT, join(OUT_DIR, f))).join(', ')}.`);
      console.error('Run `npm run generate` and commit the result.');
      process.exit(1);
    }
    console.log('Generated protocol tables are up to date.');
    return;
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(OUT_DIR, f), text);
  console.log(`Wrote ${Object.keys(files).length} files to ${relative(ROOT, OUT_DIR)}/.`);
}

main();
