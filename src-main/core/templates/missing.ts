// Which attribute a template refers to that the rendering data does not hold (SES's `Attribute 'name' is not
// present in the rendering data.`), found by walking the Handlebars syntax tree the way Handlebars would
// evaluate it: paths resolve against the current context (inside #each / #with the item, with `../` going
// out a level, `@root` to the top, block params by name), and only the branch that would render is checked —
// an `{{#if x}}` whose x is absent checks its `{{else}}`, not its body.
// What counts as a reference: a plain substitution `{{a.b}}` and the path arguments of a helper call
// (`{{lookup a b}}`). Conditions and iteration targets (`#if x`, `#unless x`, `#each xs`, `#with x`, a
// section `{{#xs}}`) may be absent — they are falsy then, the usual optional-content idiom — and `@index`-style
// data variables always exist. A key present with the value null counts as present. This is Sesame's reading
// of SES's behaviour (its docs give the message, not the rules) [verify].
// Owns: that walk. Must not: render or parse (render.ts does).
/// <reference types="handlebars" />

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type Path = hbs.AST.PathExpression;
type Expr = hbs.AST.Expression;

interface Scope {
  ctx: unknown;
  blockParams: Record<string, unknown>;
}

const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing']);
const MAX_PARTIAL_DEPTH = 32;

class Missing {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Handlebars truthiness: false, undefined, null, '', 0 and [] are falsy. */
const truthy = (v: unknown) => !(v === undefined || v === null || v === false || v === '' || v === 0 || (Array.isArray(v) && v.length === 0));

function walkParts(base: unknown, parts: string[]): { found: boolean; value: unknown } {
  let value = base;
  for (const p of parts) {
    if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, p)) return { found: false, value: undefined };
    value = value[p];
  }
  return { found: true, value };
}

const isThisPath = (p: Path) => /^(this|\.)([./]|$)/.test(p.original);

function resolve(path: Path, stack: Scope[]): { found: boolean; value: unknown } {
  if (path.data) {
    if (path.parts[0] === 'root') return walkParts(stack[0]!.ctx, path.parts.slice(1));
    return { found: true, value: undefined };
  }
  const scope = stack[Math.max(0, stack.length - 1 - path.depth)]!;
  if (path.parts.length === 0) return { found: true, value: scope.ctx };
  if (path.depth === 0 && !isThisPath(path)) {
    for (let i = stack.length - 1; i >= 0; i--) {
      const bp = stack[i]!.blockParams;
      if (Object.prototype.hasOwnProperty.call(bp, path.parts[0]!)) return walkParts(bp[path.parts[0]!], path.parts.slice(1));
    }
  }
  return walkParts(scope.ctx, path.parts);
}

const nameOf = (p: Path) => (p.data ? p.original : p.parts.join('.'));

export function firstMissing(program: Program, data: unknown): string | null {
  const partials = new Map<string, Program>();
  collectInlinePartials(program, partials);
  try {
    walkProgram(program, [{ ctx: data, blockParams: {} }], partials, 0);
    return null;
  } catch (e) {
    if (e instanceof Missing) return e.name;
    throw e;
  }
}

function collectInlinePartials(node: unknown, out: Map<string, Program>): void {
  if (!isObject(node)) return;
  if (Array.isArray(node)) return node.forEach((n) => collectInlinePartials(n, out));
  const n = node as unknown as Omit<hbs.AST.BlockStatement, 'type'> & { type: string };
  if (n.type === 'DecoratorBlock' && n.path.original === 'inline') {
    const nameParam = n.params[0] as hbs.AST.StringLiteral | undefined;
    if (nameParam && typeof nameParam.value === 'string') out.set(nameParam.value, n.program);
  }
  for (const key of ['body', 'program', 'inverse']) collectInlinePartials((node as Record<string, unknown>)[key], out);
}

/** A referenced path must exist; sub-expressions and hash values are checked likewise. */
function checkExpr(e: Expr, stack: Scope[]): void {
  if (e.type === 'PathExpression') {
    const p = e as Path;
    if (!resolve(p, stack).found) throw new Missing(nameOf(p));
  } else if (e.type === 'SubExpression') {
    const s = e as hbs.AST.SubExpression;
    s.params.forEach((x) => checkExpr(x, stack));
    s.hash?.pairs.forEach((pair) => checkExpr(pair.value, stack));
  }
}

const valueOf = (e: Expr | undefined, stack: Scope[]): unknown =>
  e?.type === 'PathExpression' ? resolve(e as Path, stack).value : (e as { value?: unknown } | undefined)?.value;

function iterate(value: unknown, program: Program, stack: Scope[], partials: Map<string, Program>, depth: number): boolean {
  const names = program.blockParams ?? [];
  const entries: [unknown, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [v, i])
    : isObject(value)
      ? Object.entries(value).map(([k, v]) => [v, k])
      : [];
  for (const [item, key] of entries) {
    const bp: Record<string, unknown> = {};
    if (names[0]) bp[names[0]] = item;
    if (names[1]) bp[names[1]] = key;
    walkProgram(program, [...stack, { ctx: item, blockParams: bp }], partials, depth);
  }
  return entries.length > 0;
}

function walkBlock(b: hbs.AST.BlockStatement, stack: Scope[], partials: Map<string, Program>, depth: number): void {
  const name = b.path.original;
  const other = () => b.inverse && walkProgram(b.inverse, stack, partials, depth);
  const withValue = (v: unknown) => {
    const names = b.program.blockParams ?? [];
    walkProgram(b.program, [...stack, { ctx: v, blockParams: names[0] ? { [names[0]]: v } : {} }], partials, depth);
  };
  if (name === 'if' || name === 'unless') {
    const cond = truthy(valueOf(b.params[0], stack));
    return void ((name === 'if') === cond ? walkProgram(b.program, stack, partials, depth) : other());
  }
  if (name === 'each') {
    if (!iterate(valueOf(b.params[0], stack), b.program, stack, partials, depth)) other();
    return;
  }
  if (name === 'with') {
    const v = valueOf(b.params[0], stack);
    return void (truthy(v) ? withValue(v) : other());
  }
  if (b.params.length) {
    // A helper Sesame does not know: its arguments must still exist; Handlebars will refuse it at render.
    b.params.forEach((p) => checkExpr(p, stack));
    return;
  }
  // A section `{{#xs}}…{{/xs}}` (blockHelperMissing): a list iterates, an object becomes the context.
  const v = resolve(b.path, stack).value;
  if (Array.isArray(v)) return void (iterate(v, b.program, stack, partials, depth) || other());
  if (isObject(v)) return withValue(v);
  if (truthy(v)) return walkProgram(b.program, stack, partials, depth);
  other();
}

function walkPartial(p: hbs.AST.PartialStatement, stack: Scope[], partials: Map<string, Program>, depth: number): void {
  const name = p.name.type === 'PathExpression' ? (p.name as Path).original : String((p.name as unknown as { value: unknown }).value);
  const program = partials.get(name);
  // Handlebars refuses a partial it does not know at render time (render.ts reports InvalidTemplate).
  if (!program || depth >= MAX_PARTIAL_DEPTH) return;
  let ctx = p.params[0] ? (checkExpr(p.params[0], stack), valueOf(p.params[0], stack)) : stack[stack.length - 1]!.ctx;
  if (p.hash?.pairs.length) {
    p.hash.pairs.forEach((pair) => checkExpr(pair.value, stack));
    ctx = { ...(isObject(ctx) ? ctx : {}), ...Object.fromEntries(p.hash.pairs.map((pair) => [pair.key, valueOf(pair.value, stack)])) };
  }
  walkProgram(program, [...stack, { ctx, blockParams: {} }], partials, depth + 1);
}

function walkProgram(program: Program, stack: Scope[], partials: Map<string, Program>, depth: number): void {
  for (const node of program.body as Node[]) {
    switch (node.type) {
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (m.path.type !== 'PathExpression') break;
        const path = m.path as Path;
        const isHelper = !path.data && path.parts.length === 1 && BUILT_IN_HELPERS.has(path.parts[0]!);
        if (m.params.length || m.hash?.pairs.length) {
          m.params.forEach((p) => checkExpr(p, stack));
          m.hash?.pairs.forEach((pair) => checkExpr(pair.value, stack));
        } else if (!isHelper) {
          checkExpr(path, stack);
        }
        break;
      }
      case 'BlockStatement':
        walkBlock(node as hbs.AST.BlockStatement, stack, partials, depth);
        break;
      case 'PartialStatement':
        walkPartial(node as hbs.AST.PartialStatement, stack, partials, depth);
        break;
      default:
        break;
    }
  }
}
