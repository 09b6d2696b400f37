// The "could not load" state of a tab whose data comes from the UI API: the error and a Retry button.
import { EmptyState } from './EmptyState';

export function LoadFailed({ title, error, onRetry }: { title: string; error: string; onRetry: () => void }) {
  return (
    <EmptyState title={title} tone="error">
      <p>{error}</p>
      <button type="button" className="btn" onClick={onRetry}>
        Retry
      </button>
    </EmptyState>
  );
}
