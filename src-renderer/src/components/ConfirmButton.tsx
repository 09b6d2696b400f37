// A two-step confirm button (no window.confirm: it blocks, and tests hate dialogs). The first click arms it
// for a few seconds, showing the confirm face focused; a second click confirms, blurring or waiting disarms.
// Owns: the armed state. Must not: know what it confirms.
import { useEffect, useState, type ReactNode } from 'react';

export const ARM_MS = 4_000;

/** One face of the button: how it looks when idle, or when armed. */
export interface ConfirmFace {
  className: string;
  testId: string;
  children: ReactNode;
  title?: string;
  disabled?: boolean;
}

export function ConfirmButton({
  idle,
  armed: armedFace,
  onConfirm,
  disarmOnConfirm = true,
}: {
  idle: ConfirmFace;
  armed: ConfirmFace;
  onConfirm: () => void;
  /** false: stay armed after confirming (until blur or the timeout). */
  disarmOnConfirm?: boolean;
}) {
  const [armed, setArmed] = useState(false);

  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), ARM_MS);
    return () => clearTimeout(t);
  }, [armed]);

  if (armed) {
    return (
      <button
        type="button"
        className={armedFace.className}
        title={armedFace.title}
        disabled={armedFace.disabled}
        autoFocus
        onBlur={() => setArmed(false)}
        onClick={() => {
          if (disarmOnConfirm) setArmed(false);
          onConfirm();
        }}
        data-testid={armedFace.testId}
      >
        {armedFace.children}
      </button>
    );
  }
  return (
    <button type="button" className={idle.className} title={idle.title} disabled={idle.disabled} onClick={() => setArmed(true)} data-testid={idle.testId}>
      {idle.children}
    </button>
  );
}
