// Hook: the raw MIME source of a message, fetched as text from /api/messages/:id/raw (only when the
// Raw tab is open) and split into lines once.
import { useEffect, useState } from 'react';
import { api, errorText, isAbort } from '../../api/client';

export type RawState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; text: string; lines: string[] };

export function useRawSource(id: string, attempt: number): RawState {
  const [state, setState] = useState<RawState>({ status: 'loading' });
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    api
      .getRaw(id, ctrl.signal)
      .then((text) => {
        // CRLF is the wire form; show lines without the CR.
        const lines = text.split(/\r?\n/);
        if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
        setState({ status: 'ready', text, lines });
      })
      .catch((err: unknown) => {
        if (!isAbort(err)) setState({ status: 'error', error: errorText(err) });
      });
    return () => ctrl.abort();
  }, [id, attempt]);
  return state;
}
