// The template editor's live preview: renders the parts being typed with the sample data through the UI
// API (engine.templates.testRender with inline content, strictly, as SES's TestRenderTemplate does) a short
// pause after the last keystroke; older answers never overwrite newer ones. Owns: that transient state.
// Must not: template anything itself.
import { useEffect, useState } from 'react';
import type { TemplateRenderDto } from '../../../../src-main/contract';
import { isAbort } from '../../api/client';
import { feedbackApi } from '../../api/feedback-client';
import { sesErrorParts } from '../../api/ses-client';
import { useDebouncedValue } from '../../lib/use-debounced-value';

export interface LiveRenderInput {
  subject: string;
  text: string;
  html: string;
  data: string;
}

export interface LiveRender {
  result: TemplateRenderDto | null;
  /** The render call itself failed (Sesame unreachable…), not the template. */
  failure: string | null;
  rendering: boolean;
}

const PAUSE_MS = 250;

export function useLiveRender(input: LiveRenderInput): LiveRender {
  // Debounced as one string: a fresh object per render would restart the pause forever.
  const settled = useDebouncedValue(JSON.stringify([input.subject, input.text, input.html, input.data]), PAUSE_MS);
  const [state, setState] = useState<LiveRender>({ result: null, failure: null, rendering: false });
  const [subject, text, html, data] = JSON.parse(settled) as [string, string, string, string];

  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, rendering: true }));
    feedbackApi.render({ subject, text, html, data }, ctrl.signal).then(
      (result) => setState({ result, failure: null, rendering: false }),
      (err: unknown) => {
        if (!isAbort(err)) setState({ result: null, failure: sesErrorParts(err).message, rendering: false });
      },
    );
    return () => ctrl.abort();
  }, [subject, text, html, data]);

  return state;
}
