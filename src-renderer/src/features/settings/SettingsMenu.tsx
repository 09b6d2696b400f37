// The top bar's Settings button and its popover (non-modal: the inbox stays usable behind it). Closes on
// Escape (focus returns to the button), on a click outside, or with the button again.
// Owns: opening and closing. Must not: read or write preferences (SettingsPanel does).
import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { SettingsPanel } from './SettingsPanel';

export function SettingsMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  return (
    <div className="settings-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className={`btn btn-ghost ${open ? 'is-open' : ''}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? 'settings-panel' : undefined}
        title="Settings"
        onClick={() => setOpen((o) => !o)}
        data-testid="settings-button"
      >
        <Icon name="settings" size={15} />
        <span className="sr-only">Settings</span>
      </button>
      {open && <SettingsPanel />}
    </div>
  );
}
