// The account's mode at a glance: "Sandbox" (amber) or "Production" (green).
export function SandboxBadge({ sandbox }: { sandbox: boolean }) {
  return (
    <span
      className={`chip mode-badge ${sandbox ? 'chip-warn' : 'chip-good'}`}
      data-testid="sandbox-badge"
      data-sandbox={sandbox ? 'true' : 'false'}
      title={sandbox ? 'Sandbox: verified recipients only, 200 per day, 1 per second' : 'Production access'}
    >
      {sandbox ? 'Sandbox' : 'Production'}
    </span>
  );
}
