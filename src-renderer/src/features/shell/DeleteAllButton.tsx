// Delete-all with an inline two-step confirm (no window.confirm: it blocks, and tests hate dialogs).
// First click arms it for a few seconds; the second click deletes everything.
import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useStore } from '../../stores';

const ARM_MS = 4_000;

export function DeleteAllButton() {
  const total = useStore((s) => s.total);
  const query = useStore((s) => s.query);
  const deleteAll = useStore((s) => s.deleteAll);
  const [armed, setArmed] = useState(false);

  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), ARM_MS);
    return () => clearTimeout(t);
  }, [armed]);

  const empty = total === 0 && !query;
  if (armed) {
    return (
      <button
        type="button"
        className="btn btn-danger-solid"
        onClick={() => {
          setArmed(false);
          void deleteAll();
        }}
        onBlur={() => setArmed(false)}
        autoFocus
        data-testid="delete-all-confirm"
      >
        <Icon name="trash" size={15} /> Delete every message?
      </button>
    );
  }
  return (
    <button
      type="button"
      className="btn btn-ghost"
      onClick={() => setArmed(true)}
      disabled={empty}
      title="Delete all messages (asks to confirm)"
      data-testid="delete-all"
    >
      <Icon name="trash" size={15} /> Delete all
    </button>
  );
}
