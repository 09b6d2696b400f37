// Hook: one inspection result of a message (authentication report, MIME tree), fetched from the UI API only
// while its tab is open and again on Retry. Must not: cache across messages (the engine computes on demand).
import { useEffect, useState } from 'react';
import { errorText, isAbort } from '../../api/client';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; value: T };

export function useInspection<T>(id: string, load: (id: string, signal: AbortSignal) => Promise<T>, attempt: number): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    load(id, ctrl.signal)
      .then((value) => setState({ status: 'ready', value }))
      .catch((err: unknown) => {
        if (!isAbort(err)) setState({ status: 'error', error: errorText(err) });
      });
    return () => ctrl.abort();
  }, [id, load, attempt]);
  return state;
}
