// All handler registries, by service. The pipeline dispatches through these and coverage.ts counts them.
// Must not: hold handler code.
import type { HandlerRegistry } from '../handler-types';
import type { ServiceName } from '../model/types';
import { sesHandlers } from './ses/index';
import { sesv2Handlers } from './sesv2/index';
import { snsHandlers } from './sns/index';

export const HANDLERS: Readonly<Record<ServiceName, HandlerRegistry>> = {
  sesv2: sesv2Handlers,
  ses: sesHandlers,
  sns: snsHandlers,
};
