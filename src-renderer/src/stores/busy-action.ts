// The "busy + error" wrapper the store slices share for their actions: the busy flag is set (and the error
// cleared) while the action runs, and a failure is kept as the screen's error. Owns: that wrapper.
// Must not: know any one slice.
import { screenError, type ScreenError } from './account-slice';
import type { Slice, Store } from './types';

type SetStore = Parameters<Slice<unknown>>[0];
type KeyOf<V> = { [K in keyof Store]: Store[K] extends V ? (V extends Store[K] ? K : never) : never }[keyof Store];

/** Makes `act(run)`: busy while `run` runs, its failure stored under `errorKey`; true when it succeeded. */
export const busyAction =
  (set: SetStore, busyKey: KeyOf<boolean>, errorKey: KeyOf<ScreenError | null>) =>
  async (run: () => Promise<void>): Promise<boolean> => {
    set({ [busyKey]: true, [errorKey]: null } as Partial<Store>);
    try {
      await run();
      set({ [busyKey]: false } as Partial<Store>);
      return true;
    } catch (err) {
      set({ [errorKey]: screenError(err), [busyKey]: false } as Partial<Store>);
      return false;
    }
  };
