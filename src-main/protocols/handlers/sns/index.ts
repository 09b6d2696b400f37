// SNS (Query) operation handlers, keyed by exact AWS action name. Empty for now: every SNS action answers
// 501 NotImplemented naming it, which the README coverage table shows.
// Must not: hold handler code (one small file per operation or group).
import type { HandlerRegistry } from '../../handler-types';

export const snsHandlers: HandlerRegistry = {};
