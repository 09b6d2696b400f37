// A centred message for "nothing here" and "something went wrong" places, with optional detail/action.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

interface Props {
  title: string;
  icon?: IconName;
  children?: ReactNode;
  tone?: 'neutral' | 'error';
  testId?: string;
}

export function EmptyState({ title, icon = 'mail', children, tone = 'neutral', testId }: Props) {
  return (
    <div className={`empty-state empty-${tone}`} data-testid={testId} role={tone === 'error' ? 'alert' : undefined}>
      <Icon name={icon} size={28} className="empty-icon" />
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}
