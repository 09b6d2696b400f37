// An on/off switch: a button with role="switch" and aria-checked, drawn by base.css (.switch). The label
// is the button's text, so a click on it toggles too.
import type { ReactNode } from 'react';

export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  disabled?: boolean;
  testId?: string;
  /** id of an element describing the switch (a hint line). */
  describedBy?: string;
}

export function Switch({ checked, onChange, children, disabled, testId, describedBy }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-describedby={describedBy}
      className="switch"
      disabled={disabled}
      onClick={() => onChange(!checked)}
      data-testid={testId}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {children}
    </button>
  );
}
