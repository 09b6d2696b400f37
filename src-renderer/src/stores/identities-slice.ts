// Identities slice: the account's identities (email addresses and domains, their verification and DKIM
// status, the DNS records to publish) and the one open in the detail pane. Owns: that list and the actions
// on it (create, delete, mark verified/failed, publish to the local zone). Must not: render.
import type { IdentityDto, IdentityStatusBody } from '../../../src-main/contract';
import { sesApi } from '../api/ses-client';
import { screenError, type ScreenError } from './account-slice';
import { busyAction } from './busy-action';
import { upsertBy } from './ses-list-ops';
import type { Slice } from './types';

export interface IdentitiesSlice {
  identities: IdentityDto[];
  identitiesLoaded: boolean;
  identitiesError: ScreenError | null;
  identitiesBusy: boolean;
  openIdentity: string | null;
  loadIdentities: () => Promise<void>;
  setOpenIdentity: (identity: string | null) => void;
  createIdentity: (identity: string) => Promise<boolean>;
  deleteIdentity: (identity: string) => Promise<boolean>;
  setIdentityStatus: (identity: string, status: IdentityStatusBody['status']) => Promise<boolean>;
  publishIdentity: (identity: string) => Promise<boolean>;
}

export const createIdentitiesSlice: Slice<IdentitiesSlice> = (set, get) => {
  const act = busyAction(set, 'identitiesBusy', 'identitiesError');
  const apply = (one: IdentityDto) => set({ identities: upsertBy(get().identities, one, (i) => i.identity) });

  return {
    identities: [],
    identitiesLoaded: false,
    identitiesError: null,
    identitiesBusy: false,
    openIdentity: null,

    loadIdentities: async () => {
      try {
        const { items } = await sesApi.identities();
        const open = get().openIdentity;
        set({
          identities: items,
          identitiesLoaded: true,
          identitiesError: null,
          openIdentity: open && items.some((i) => i.identity === open) ? open : (items[0]?.identity ?? null),
        });
      } catch (err) {
        set({ identitiesError: screenError(err), identitiesLoaded: true });
      }
    },

    setOpenIdentity: (openIdentity) => set({ openIdentity }),

    createIdentity: (identity) =>
      act(async () => {
        const created = await sesApi.createIdentity(identity);
        apply(created);
        set({ openIdentity: created.identity });
      }),

    deleteIdentity: (identity) =>
      act(async () => {
        await sesApi.deleteIdentity(identity);
        const identities = get().identities.filter((i) => i.identity !== identity);
        set({ identities, openIdentity: get().openIdentity === identity ? (identities[0]?.identity ?? null) : get().openIdentity });
      }),

    setIdentityStatus: (identity, status) => act(async () => apply(await sesApi.setIdentityStatus(identity, status))),

    publishIdentity: (identity) => act(async () => apply(await sesApi.publishIdentity(identity))),
  };
};
