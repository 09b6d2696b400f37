// A button that copies a given text and confirms for a moment ("Copied").
import { useEffect, useRef, useState } from 'react';
import { copyText } from '../lib/clipboard';
import { Icon } from './Icon';

interface Props {
  text: string;
  /** Accessible name, e.g. "Copy endpoint URL". */
  label: string;
  /** Show the word "Copy" next to the icon. */
  showText?: boolean;
  className?: string;
  testId?: string;
  /** The word shown when idle (default "Copy"). */
  idleText?: string;
}

export function CopyButton({ text, label, showText = false, className, testId, idleText = 'Copy' }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const onClick = async () => {
    const ok = await copyText(text);
    setState(ok ? 'copied' : 'failed');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 1500);
  };

  const word = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : idleText;
  return (
    <button
      type="button"
      className={`btn btn-ghost btn-small copy-button ${className ?? ''}`}
      onClick={onClick}
      aria-label={state === 'idle' ? label : word}
      title={label}
      data-testid={testId}
      data-state={state}
    >
      <Icon name={state === 'copied' ? 'check' : 'copy'} size={14} />
      {showText && <span>{word}</span>}
    </button>
  );
}
