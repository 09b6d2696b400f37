// The transient notice line (failed actions), announced to screen readers.
import { Icon } from '../../components/Icon';
import { useStore } from '../../stores';

export function NoticeBar() {
  const notice = useStore((s) => s.notice);
  const dismiss = useStore((s) => s.dismissNotice);
  return (
    <div className="notice-region" aria-live="assertive">
      {notice && (
        <div className={`notice notice-${notice.kind}`} data-testid="notice" key={notice.id}>
          <span>{notice.text}</span>
          <button type="button" className="btn btn-ghost btn-small" onClick={dismiss} aria-label="Dismiss">
            <Icon name="close" size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
