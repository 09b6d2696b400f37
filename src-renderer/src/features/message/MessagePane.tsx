// The right-hand pane: the open message, the teaching empty inbox, or a hint to pick a message.
import { EmptyState } from '../../components/EmptyState';
import { useStore } from '../../stores';
import { EmptyInbox } from '../inbox/EmptyInbox';
import { MessageView } from './MessageView';

export function MessagePane() {
  const selectedId = useStore((s) => s.selectedId);
  const listStatus = useStore((s) => s.listStatus);
  const total = useStore((s) => s.total);
  const query = useStore((s) => s.query);

  if (selectedId) return <MessageView />;
  if (listStatus === 'ready' && total === 0 && !query) return <EmptyInbox />;
  return (
    <EmptyState title="Select a message" icon="mail" testId="no-selection">
      <p>
        <kbd>j</kbd>/<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> to move, <kbd>Delete</kbd> to delete, <kbd>u</kbd> to
        toggle read, <kbd>/</kbd> to search.
      </p>
    </EmptyState>
  );
}
