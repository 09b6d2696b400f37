// Wires the live stream into the store: arrivals, changes, deletions, SES events, delivery attempts (SNS
// and event destinations) and preference changes update what is on screen; every (re)connection resyncs, since events may have been missed while
// disconnected.
// Must not: render or hold state of its own.
import { connectLive } from '../api/live';
import { useStore } from './index';

/** Starts the live stream; returns the function that stops it. */
export function startLiveSync(): () => void {
  const store = useStore.getState;
  return connectLive({
    onState: (s) => store().setLiveState(s),
    onOpen: () => {
      void store().resync();
      void store().loadPreferences();
      const id = store().selectedId;
      if (id) void store().loadDetail(id);
    },
    onEvent: (ev) => {
      switch (ev.name) {
        case 'message.accepted':
          store().dashboardActivity();
          return store().messageArrived(ev.data);
        case 'message.updated':
          return store().messageChanged(ev.data);
        case 'messages.deleted':
          return store().messagesRemoved(ev.data.ids);
        case 'event.recorded':
          store().streamEventRecorded(ev.data);
          store().dashboardActivity();
          return store().eventRecorded(ev.data);
        case 'sns.delivery':
          return store().snsDeliveryRecorded(ev.data);
        case 'publish.recorded':
          return store().publishRecorded(ev.data);
        case 'reputation.changed':
          // The Account screen's enforcement status and the dashboard's judgement follow at once.
          store().dashboardActivity();
          if (store().account) void store().loadAccount();
          return;
        case 'preferences.updated':
          return store().preferencesChanged(ev.data);
      }
    },
  });
}
