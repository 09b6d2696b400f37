// A verification (or DKIM / MAIL FROM) status as a coloured chip: SUCCESS green, PENDING amber, failures red.
import type { VerificationStatusName } from '../../../../src-main/contract';

const TONE: Record<string, string> = {
  SUCCESS: 'good',
  PENDING: 'warn',
  FAILED: 'bad',
  TEMPORARY_FAILURE: 'bad',
  NOT_STARTED: 'neutral',
};

const LABEL: Record<string, string> = {
  SUCCESS: 'Verified',
  PENDING: 'Pending',
  FAILED: 'Failed',
  TEMPORARY_FAILURE: 'Temporary failure',
  NOT_STARTED: 'Not started',
};

export function VerificationChip({ status, prefix, testId }: { status: VerificationStatusName | string; prefix?: string; testId?: string }) {
  return (
    <span className={`chip chip-${TONE[status] ?? 'neutral'}`} data-testid={testId} data-status={status} title={status}>
      {prefix ? `${prefix} ` : ''}
      {LABEL[status] ?? status}
    </span>
  );
}
