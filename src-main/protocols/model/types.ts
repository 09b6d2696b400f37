// The shape of the generated service models (src-main/protocols/generated/*), and small lookups on them.
// Owns: the vocabulary the generator writes and the generic protocols read — operations, shapes, members,
// location traits, error wire identities.
// Must not: hold data about any one service (that is generated) or know about HTTP bodies.

export type ServiceName = 'sesv2' | 'ses' | 'sns';
export type WireProtocolName = 'rest-json' | 'query';

/** Primitive targets. Named shapes are PascalCase model names; anonymous collections are `list<..>`/`map<..>`. */
export type PrimitiveType = 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document';
export type TimestampFormat = 'date-time' | 'http-date' | 'epoch-seconds';

/** Where a member travels in a REST request/response (Smithy http* traits). Absent = in the body. */
export type MemberLocation = 'label' | 'query' | 'queryParams' | 'header' | 'prefixHeaders' | 'payload' | 'responseCode';

export interface MemberModel {
  /** A PrimitiveType or a key of ServiceModel.shapes. */
  target: string;
  required?: true;
  location?: MemberLocation;
  /** Query parameter name, header name or header prefix (label members use the member name). */
  locationName?: string;
  xmlName?: string;
  flattened?: true;
  /** Only when the model overrides the protocol default. */
  timestampFormat?: TimestampFormat;
  sensitive?: true;
}

export interface StructureShape {
  type: 'structure';
  /** In model order (the SDK schema puts required members first). */
  members: Record<string, MemberModel>;
  union?: true;
}

export interface ListShape {
  type: 'list';
  member: string;
  /** Element name inside the list (default `member`). */
  memberName?: string;
  flattened?: true;
}

export interface MapShape {
  type: 'map';
  key: string;
  value: string;
  keyName?: string;
  valueName?: string;
  flattened?: true;
}

export type ShapeModel = StructureShape | ListShape | MapShape;

export interface OperationModel {
  name: string;
  /** REST binding (rest-json services only). */
  http?: { method: string; uri: string; code: number };
  /** Input/output shape names; null for Smithy `unit` (no shape at all). */
  input: string | null;
  output: string | null;
  /** Modelled error shape names (from the SDK's per-command `@throws` docs). */
  errors: string[];
}

export interface ErrorModel {
  fault: 'client' | 'server';
  httpStatus: number;
  /** awsQuery services: the short wire `<Code>` and its status. */
  queryCode?: string;
  queryStatus?: number;
}

export interface ServiceModel {
  service: ServiceName;
  /** SDK service id, used in human texts (`SESv2`, `SES`, `SNS`). */
  sdkId: string;
  protocol: WireProtocolName;
  namespace: string;
  version: string;
  signingName: string;
  xmlNamespace?: string;
  /** Where the model came from (package and version). */
  source: string;
  operations: Record<string, OperationModel>;
  shapes: Record<string, ShapeModel>;
  errors: Record<string, ErrorModel>;
}

const PRIMITIVES: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'timestamp', 'blob', 'document']);

const isPrimitive = (target: string): target is PrimitiveType => PRIMITIVES.has(target);

/** The shape behind a target, or the primitive type name. Throws on a dangling reference (a generator bug). */
export function resolveShape(model: ServiceModel, target: string): ShapeModel | PrimitiveType {
  if (isPrimitive(target)) return target;
  const shape = model.shapes[target];
  if (!shape) throw new Error(`${model.service} model has no shape ${target}`);
  return shape;
}

export function structureOf(model: ServiceModel, target: string | null): StructureShape | null {
  if (target === null) return null;
  const shape = resolveShape(model, target);
  if (typeof shape === 'string' || shape.type !== 'structure') {
    throw new Error(`${model.service} shape ${target} is not a structure`);
  }
  return shape;
}

/** The modelled error whose awsQuery wire code is `code`, if any. */
export function errorByQueryCode(model: ServiceModel, code: string): ErrorModel | undefined {
  return Object.values(model.errors).find((e) => e.queryCode === code);
}
