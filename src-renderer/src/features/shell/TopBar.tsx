// The top bar: brand, search, unread count, live indicator, "Connect your app", delete-all and settings.
// Search and delete-all belong to the inbox and show only there.
import { Icon } from '../../components/Icon';
import { plural } from '../../lib/format';
import { useStore } from '../../stores';
import { SearchBox } from '../inbox/SearchBox';
import { SettingsMenu } from '../settings/SettingsMenu';
import { DeleteAllButton } from './DeleteAllButton';
import { LiveIndicator } from './LiveIndicator';

export function TopBar() {
  const unread = useStore((s) => s.unread);
  const openConnect = useStore((s) => s.setConnectOpen);
  const version = useStore((s) => s.info?.version);
  const onInbox = useStore((s) => s.view === 'inbox');

  return (
    <header className="topbar">
      <div className="brand" title={version ? `Sesame ${version}` : 'Sesame'}>
        <span className="brand-mark" aria-hidden="true">
          <Icon name="mail" size={16} />
        </span>
        <span className="brand-name">Sesame</span>
      </div>
      {onInbox ? <SearchBox /> : <span className="topbar-fill" />}
      <div className="topbar-status">
        <span className={`unread ${unread > 0 ? 'has-unread' : ''}`} aria-label={plural(unread, 'unread message')}>
          <span data-testid="unread-count" data-count={unread}>
            {unread.toLocaleString()}
          </span>{' '}
          unread
        </span>
        <LiveIndicator />
      </div>
      <div className="topbar-actions">
        <button type="button" className="btn btn-primary" onClick={() => openConnect(true)} data-testid="connect-button">
          <Icon name="plug" size={15} /> Connect your app
        </button>
        {onInbox && <DeleteAllButton />}
        <SettingsMenu />
      </div>
    </header>
  );
}
