// Delete-all with an inline two-step confirm (no window.confirm: it blocks, and tests hate dialogs).
// First click arms it for a few seconds; the second click deletes everything.
import { ConfirmButton } from '../../components/ConfirmButton';
import { Icon } from '../../components/Icon';
import { useStore } from '../../stores';

export function DeleteAllButton() {
  const total = useStore((s) => s.total);
  const query = useStore((s) => s.query);
  const deleteAll = useStore((s) => s.deleteAll);

  const empty = total === 0 && !query;
  return (
    <ConfirmButton
      idle={{
        className: 'btn btn-ghost',
        testId: 'delete-all',
        title: 'Delete all messages (asks to confirm)',
        disabled: empty,
        children: (
          <>
            <Icon name="trash" size={15} /> Delete all
          </>
        ),
      }}
      armed={{
        className: 'btn btn-danger-solid',
        testId: 'delete-all-confirm',
        children: (
          <>
            <Icon name="trash" size={15} /> Delete every message?
          </>
        ),
      }}
      onConfirm={() => void deleteAll()}
    />
  );
}
