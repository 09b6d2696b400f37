// Hook: the raw MIME source of a message, fetched as text from /api/messages/:id/raw (only when the
// Raw tab is open) and split into lines once.
import { api } from '../../api/client';
import { useInspection } from './use-inspection';

export type RawState =
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | { status: 'ready'; text: string; lines: string[] };

const load = async (id: string, signal: AbortSignal) => {
  const text = await api.getRaw(id, signal);
  // CRLF is the wire form; show lines without the CR.
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return { text, lines };
};

export function useRawSource(id: string, attempt: number): RawState {
  const state = useInspection(id, load, attempt);
  return state.status === 'ready' ? { status: 'ready', ...state.value } : state;
}
