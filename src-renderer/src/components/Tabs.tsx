// Accessible tabs (WAI-ARIA tabs pattern): a tablist of buttons with arrow-key movement. The caller
// renders the panel with `tabPanelProps(idPrefix, active)` so the ids line up.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabSpec<T extends string> {
  id: T;
  label: ReactNode;
  /** Small count badge (attachments, events, headers). */
  count?: number;
  testId?: string;
}

interface Props<T extends string> {
  tabs: TabSpec<T>[];
  active: T;
  onChange: (id: T) => void;
  idPrefix: string;
  label: string;
  className?: string;
}

export function Tabs<T extends string>({ tabs, active, onChange, idPrefix, label, className }: Props<T>) {
  const refs = useRef<Map<T, HTMLButtonElement>>(new Map());

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.id === active);
    let next = -1;
    if (e.key === 'ArrowRight') next = (at + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const id = tabs[next].id;
    onChange(id);
    refs.current.get(id)?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className={`tabs ${className ?? ''}`} onKeyDown={onKeyDown}>
      {tabs.map((t) => {
        const selected = t.id === active;
        return (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el);
              else refs.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.id}`}
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={selected ? 0 : -1}
            className={`tab ${selected ? 'tab-active' : ''}`}
            onClick={() => onChange(t.id)}
            data-testid={t.testId}
          >
            {t.label}
            {t.count !== undefined && <span className="tab-count">{t.count}</span>}
          </button>
        );
      })}
    </div>
  );
}

/** Props for the panel that belongs to a Tabs with the same idPrefix. */
export function tabPanelProps(idPrefix: string, active: string) {
  return {
    role: 'tabpanel' as const,
    id: `${idPrefix}-panel`,
    'aria-labelledby': `${idPrefix}-tab-${active}`,
  };
}
