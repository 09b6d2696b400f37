// A coloured chip for an authentication result word (pass / fail / neutral / none …) or a checklist status.
// Owns: the word → tone mapping. Must not: interpret results beyond colouring them.
const TONE: Record<string, string> = {
  pass: 'good',
  fail: 'bad',
  permerror: 'bad',
  softfail: 'warn',
  temperror: 'warn',
  policy: 'warn',
  warn: 'warn',
  neutral: 'neutral',
  none: 'neutral',
  skipped: 'neutral',
  info: 'info',
};

export function ResultChip({ result, testId }: { result: string; testId?: string }) {
  return (
    <span className={`chip chip-${TONE[result] ?? 'neutral'}`} data-testid={testId ?? 'result-chip'} data-result={result}>
      {result}
    </span>
  );
}
