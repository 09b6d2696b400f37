// The message view: header block and the tabs (HTML, Text, Headers, Raw, Attachments, Envelope, Template
// for templated sends, Authentication and MIME (issue 5 inspection), and the Timeline of events, deliveries
// and related mail) of the selected message.
// Must not: fetch (the detail slice does) or render message HTML itself (HtmlTab puts it in a sandboxed iframe).
import type { MessageDetail } from '../../../../src-main/contract';
import { EmptyState } from '../../components/EmptyState';
import { Tabs, tabPanelProps, type TabSpec } from '../../components/Tabs';
import { useStore } from '../../stores';
import type { MessageTab } from '../../stores/ui-slice';
import { AttachmentsTab } from './AttachmentsTab';
import { AuthenticationTab } from './AuthenticationTab';
import { CompatibilityTab } from './CompatibilityTab';
import { EnvelopeTab } from './EnvelopeTab';
import { EventsTab } from './EventsTab';
import { HeadersTab } from './HeadersTab';
import { HtmlTab } from './HtmlTab';
import { MessageHeader } from './MessageHeader';
import { MimeTab } from './MimeTab';
import { RawTab } from './RawTab';
import { NoTemplate, TemplateTab } from './TemplateTab';
import { TextTab } from './TextTab';

function tabsFor(d: MessageDetail): TabSpec<MessageTab>[] {
  return [
    { id: 'html', label: 'HTML', testId: 'tab-html' },
    { id: 'text', label: 'Text', testId: 'tab-text' },
    { id: 'headers', label: 'Headers', count: d.headers.length, testId: 'tab-headers' },
    { id: 'raw', label: 'Raw', testId: 'tab-raw' },
    { id: 'attachments', label: 'Attachments', count: d.attachments.length, testId: 'tab-attachments' },
    { id: 'envelope', label: 'Envelope', testId: 'tab-envelope' },
    ...(d.template ? [{ id: 'template' as const, label: 'Template', testId: 'tab-template' }] : []),
    { id: 'authentication', label: 'Authentication', testId: 'tab-authentication' },
    { id: 'mime', label: 'MIME', testId: 'tab-mime' },
    { id: 'compatibility', label: 'Compatibility', testId: 'tab-compatibility' },
    { id: 'events', label: 'Timeline', count: d.events.length, testId: 'tab-events' },
  ];
}

/** The user's last tab, or the best first view: HTML when there is HTML, else Text. */
function effectiveTab(chosen: MessageTab | null, d: MessageDetail): MessageTab {
  if (chosen && (chosen !== 'template' || d.template)) return chosen;
  return d.html !== null || d.text === null ? 'html' : 'text';
}

function Panel({ tab, detail }: { tab: MessageTab; detail: MessageDetail }) {
  switch (tab) {
    case 'html':
      return <HtmlTab key={detail.id} detail={detail} />;
    case 'text':
      return <TextTab detail={detail} />;
    case 'headers':
      return <HeadersTab key={detail.id} detail={detail} />;
    case 'raw':
      return <RawTab key={detail.id} detail={detail} />;
    case 'attachments':
      return <AttachmentsTab detail={detail} />;
    case 'envelope':
      return <EnvelopeTab detail={detail} />;
    case 'template':
      return detail.template ? <TemplateTab key={detail.id} detail={detail} template={detail.template} /> : <NoTemplate />;
    case 'authentication':
      return <AuthenticationTab key={detail.id} detail={detail} />;
    case 'mime':
      return <MimeTab key={detail.id} detail={detail} />;
    case 'compatibility':
      return <CompatibilityTab key={detail.id} detail={detail} />;
    case 'events':
      return <EventsTab key={detail.id} detail={detail} />;
  }
}

export function MessageView() {
  const detail = useStore((s) => s.detail);
  const status = useStore((s) => s.detailStatus);
  const error = useStore((s) => s.detailError);
  const selectedId = useStore((s) => s.selectedId);
  const loadDetail = useStore((s) => s.loadDetail);
  const chosen = useStore((s) => s.tab);
  const setTab = useStore((s) => s.setTab);

  if (!detail || detail.id !== selectedId) {
    if (status === 'error' && selectedId) {
      return (
        <div className="message-view" data-testid="message-view" data-state="error">
          <EmptyState title="Could not open this message" tone="error">
            <p>{error}</p>
            <button type="button" className="btn" onClick={() => void loadDetail(selectedId)}>
              Retry
            </button>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="message-view" data-testid="message-view" data-state="loading" aria-busy="true">
        <p className="muted loading-line">Loading message…</p>
      </div>
    );
  }

  const tab = effectiveTab(chosen, detail);
  return (
    <article className="message-view" data-testid="message-view" data-state="ready" data-message-id={detail.id}>
      <MessageHeader detail={detail} />
      <Tabs tabs={tabsFor(detail)} active={tab} onChange={setTab} idPrefix="message" label="Message parts" />
      <div className="tab-panel" {...tabPanelProps('message', tab)}>
        <Panel tab={tab} detail={detail} />
      </div>
    </article>
  );
}
