// Time travel: Sesame's clock (ticking), how far it runs ahead of the real one, and buttons that move it
// forward (+1 min, +1 h, +24 h, or a typed duration such as "90m" or "2d"). Moving it runs every scheduled
// outcome that falls due (soft-bounce retries, delayed complaints), empties the 24-hour quota window as
// time passes and lets a pending production-access review decide. Used on the Account screen and in the
// settings popover. Must not: move the clock backwards (Sesame only travels forward).
import { useEffect, useState, type FormEvent } from 'react';
import { formatDuration, parseDuration } from '../../lib/duration';
import { longTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useStore } from '../../stores';

const STEPS = [
  { label: '+1 min', ms: 60_000, testId: 'advance-1m' },
  { label: '+1 h', ms: 3_600_000, testId: 'advance-1h' },
  { label: '+24 h', ms: 86_400_000, testId: 'advance-24h' },
];

export function TimeTravel({ compact = false }: { compact?: boolean }) {
  const time = useStore((s) => s.sesTime);
  const at = useStore((s) => s.sesTimeAt);
  const busy = useStore((s) => s.accountBusy);
  const advance = useStore((s) => s.advanceTime);
  const loadTime = useStore((s) => s.loadTime);
  const now = useNow();
  const [custom, setCustom] = useState('');
  const [customError, setCustomError] = useState<string | null>(null);

  useEffect(() => {
    void loadTime();
  }, [loadTime]);

  const shown = time ? new Date(Date.parse(time.now) + Math.max(0, now - at)).toISOString() : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ms = parseDuration(custom);
    if (ms === null) return setCustomError('Type a duration such as 90m, 1h30m, 2d or 45s.');
    setCustomError(null);
    void advance(ms).then((ok) => ok && setCustom(''));
  };

  return (
    <div className={`time-travel ${compact ? 'is-compact' : ''}`} data-testid="time-travel">
      <p className="time-now">
        <span className="muted">Sesame time</span>{' '}
        <time dateTime={shown ?? undefined} data-testid="sesame-time">
          {shown ? longTime(shown) : '…'}
        </time>
      </p>
      <p className="hint" data-testid="time-offset" data-offset-ms={time?.offsetMs ?? 0}>
        {time && time.offsetMs > 0 ? `${formatDuration(time.offsetMs)} ahead of real time` : 'In step with real time'}
        {time?.ran ? ` · ${time.ran} scheduled outcome${time.ran === 1 ? '' : 's'} ran` : ''}
      </p>
      <div className="time-buttons">
        {STEPS.map((s) => (
          <button key={s.ms} type="button" className="btn btn-small" disabled={busy} onClick={() => void advance(s.ms)} data-testid={s.testId}>
            {s.label}
          </button>
        ))}
        <form className="time-custom" onSubmit={submit}>
          <label className="sr-only" htmlFor={compact ? 'advance-custom-compact' : 'advance-custom'}>
            Move forward by
          </label>
          <input
            id={compact ? 'advance-custom-compact' : 'advance-custom'}
            className="input input-small"
            placeholder="e.g. 90m"
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            aria-invalid={customError ? true : undefined}
            data-testid="advance-custom-input"
          />
          <button type="submit" className="btn btn-small" disabled={busy || custom.trim() === ''} data-testid="advance-custom">
            Go
          </button>
        </form>
      </div>
      {customError && (
        <p className="field-error" role="alert">
          {customError}
        </p>
      )}
    </div>
  );
}
