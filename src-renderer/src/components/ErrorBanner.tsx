// An inline failure line for the SES screens: SES's own error code in bold (`MessageRejected`), then its
// text, exactly as SES words it; Sesame's own refusals show just the text.
import { Icon } from './Icon';

export interface ErrorBannerProps {
  error: { code: string | null; message: string } | null;
  testId?: string;
  onDismiss?: () => void;
}

export function ErrorBanner({ error, testId = 'ses-error', onDismiss }: ErrorBannerProps) {
  if (!error) return null;
  return (
    <div className="error-banner" role="alert" data-testid={testId} data-code={error.code ?? ''}>
      <span className="error-banner-text">
        {error.code && <strong className="error-code">{error.code}: </strong>}
        {error.message}
      </span>
      {onDismiss && (
        <button type="button" className="btn btn-ghost btn-small" onClick={onDismiss} aria-label="Dismiss">
          <Icon name="close" size={14} />
        </button>
      )}
    </div>
  );
}
