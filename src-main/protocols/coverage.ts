// Which model operations Sesame implements, per service, rendered as the README's coverage block.
// Owns: the implemented / not-implemented table computed from the generated operation lists and the
// handler registries, and its Markdown (a summary line per service and a collapsible list of names).
// Must not: read or write README.md (test/unit/protocols/coverage-readme.test.ts does).
import { SERVICE_MODELS } from './generated/index';
import type { HandlerRegistry } from './handler-types';
import { HANDLERS } from './handlers/index';
import type { ServiceName } from './model/types';

export interface ServiceCoverage {
  service: ServiceName;
  title: string;
  protocol: string;
  total: number;
  implemented: string[];
  notImplemented: string[];
}

const TITLES: Record<ServiceName, string> = { sesv2: 'SES v2', ses: 'SES v1', sns: 'SNS (subset)' };
const ORDER: ServiceName[] = ['sesv2', 'ses', 'sns'];

export function computeCoverage(registries: Readonly<Record<ServiceName, HandlerRegistry>> = HANDLERS): ServiceCoverage[] {
  return ORDER.map((service) => {
    const model = SERVICE_MODELS[service];
    const ops = Object.keys(model.operations).sort();
    const has = (op: string) => Object.hasOwn(registries[service], op);
    return {
      service,
      title: TITLES[service],
      protocol: model.protocol === 'rest-json' ? 'REST-JSON' : 'Query/XML',
      total: ops.length,
      implemented: ops.filter(has),
      notImplemented: ops.filter((op) => !has(op)),
    };
  });
}

export function renderCoverageMarkdown(coverage: ServiceCoverage[] = computeCoverage()): string {
  const lines = [
    '<!-- Generated from the service models and handler registries; run `SESAME_UPDATE_README=1 npx vitest run --project unit test/unit/protocols/coverage-readme.test.ts`. -->',
    'Operations Sesame implements; every other operation in the model answers HTTP 501 `NotImplemented` naming it.',
    '',
  ];
  for (const c of coverage) {
    lines.push(`- **${c.title}** (${c.protocol}): ${c.implemented.length} of ${c.total} operations implemented.`);
  }
  for (const c of coverage) {
    const list = (ops: string[]) => (ops.length > 0 ? ops.map((op) => `\`${op}\``).join(', ') : 'none');
    lines.push(
      '',
      `<details><summary>${c.title}: ${c.implemented.length} / ${c.total}</summary>`,
      '',
      `Implemented: ${list(c.implemented)}.`,
      '',
      `Not implemented (501): ${list(c.notImplemented)}.`,
      '',
      '</details>',
    );
  }
  return lines.join('\n');
}
