// The app's single store: every slice combined, plus the hook components use.
// Owns: assembling slices. Must not: contain slice logic (each slice file owns its own).
import { create } from 'zustand';
import { createDetailSlice } from './detail-slice';
import { createInfoSlice } from './info-slice';
import { createMessagesSlice } from './messages-slice';
import { createPreferencesSlice } from './preferences-slice';
import { createSelectionSlice } from './selection-slice';
import { createUiSlice } from './ui-slice';
import { createNavSlice } from './nav-slice';
import { createAccountSlice } from './account-slice';
import { createIdentitiesSlice } from './identities-slice';
import { createSuppressionSlice } from './suppression-slice';
import { createScenariosSlice } from './scenarios-slice';
import { createTemplatesSlice } from './templates-slice';
import { createSnsSlice } from './sns-slice';
import { createEventStreamSlice } from './event-stream-slice';
import { createDashboardSlice } from './dashboard-slice';
import { createDedicatedIpsSlice } from './dedicated-ips-slice';
import type { Store } from './types';

export type { Store } from './types';

export const useStore = create<Store>()((...a) => ({
  ...createMessagesSlice(...a),
  ...createSelectionSlice(...a),
  ...createDetailSlice(...a),
  ...createInfoSlice(...a),
  ...createUiSlice(...a),
  ...createPreferencesSlice(...a),
  ...createNavSlice(...a),
  ...createAccountSlice(...a),
  ...createIdentitiesSlice(...a),
  ...createSuppressionSlice(...a),
  ...createScenariosSlice(...a),
  ...createTemplatesSlice(...a),
  ...createSnsSlice(...a),
  ...createEventStreamSlice(...a),
  ...createDashboardSlice(...a),
  ...createDedicatedIpsSlice(...a),
}));
