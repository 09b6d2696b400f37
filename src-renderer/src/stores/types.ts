// The shape of the one zustand store, assembled from slices (the zustand "slices" pattern).
// Owns: the combined Store type and the Slice helper type. Must not: hold logic.
import type { StateCreator } from 'zustand';
import type { DetailSlice } from './detail-slice';
import type { InfoSlice } from './info-slice';
import type { MessagesSlice } from './messages-slice';
import type { PreferencesSlice } from './preferences-slice';
import type { SelectionSlice } from './selection-slice';
import type { UiSlice } from './ui-slice';
import type { NavSlice } from './nav-slice';
import type { AccountSlice } from './account-slice';
import type { IdentitiesSlice } from './identities-slice';
import type { SuppressionSlice } from './suppression-slice';
import type { ScenariosSlice } from './scenarios-slice';
import type { TemplatesSlice } from './templates-slice';
import type { SnsSlice } from './sns-slice';
import type { EventStreamSlice } from './event-stream-slice';
import type { DashboardSlice } from './dashboard-slice';
import type { DedicatedIpsSlice } from './dedicated-ips-slice';

export type Store = MessagesSlice &
  SelectionSlice &
  DetailSlice &
  InfoSlice &
  UiSlice &
  PreferencesSlice &
  NavSlice &
  AccountSlice &
  IdentitiesSlice &
  SuppressionSlice &
  ScenariosSlice &
  TemplatesSlice &
  SnsSlice &
  EventStreamSlice &
  DashboardSlice &
  DedicatedIpsSlice;

/** A slice creator that can read and write the whole store. */
export type Slice<T> = StateCreator<Store, [], [], T>;
