// The shell: header navigation, a polite live region for status messages, and the page.
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { href, useRoute, type Route } from './router.js';
import { NoticeContext, type Notice } from './notice.js';
import { TodayPage } from './pages/today.js';
import { installLeaveGuards } from './unsaved.js';
import { SampleBand } from './components/sample-band.js';
import { refreshSample, useSample } from './sample.js';
import { claimActivity } from './activity-signal.js';
import { RefreshContext } from './refresh.js';
import { UndoButton } from './components/undo-button.js';

// Today is in the initial bundle; the other pages load on first visit.
const ApplicationsPage = lazy(() => import('./pages/applications.js'));
const ApplicationPage = lazy(() => import('./pages/application.js'));
const DebriefPage = lazy(() => import('./pages/debrief.js'));
const ContactsPage = lazy(() => import('./pages/contacts.js'));
const InsightsPage = lazy(() => import('./pages/insights.js'));
const SettingsPage = lazy(() => import('./pages/settings.js'));
const OutboxPage = lazy(() => import('./pages/outbox.js'));
const ActivityPage = lazy(() => import('./pages/activity.js'));
const TrashPage = lazy(() => import('./pages/trash.js'));
const ImportPage = lazy(() => import('./pages/import.js'));

const NAV: { page: Route['page']; label: string; to: string }[] = [
  { page: 'today', label: 'Today', to: href('today') },
  { page: 'applications', label: 'Applications', to: href('applications') },
  { page: 'contacts', label: 'Contacts', to: href('contacts') },
  { page: 'insights', label: 'Insights', to: href('insights') },
  { page: 'outbox', label: 'Outbox', to: href('outbox') },
  { page: 'settings', label: 'Settings', to: href('settings') },
];

const TITLES: Record<Route['page'], string> = {
  today: 'Today',
  applications: 'Applications',
  application: 'Application',
  debrief: 'Debrief',
  contacts: 'Contacts',
  insights: 'Insights',
  outbox: 'Outbox',
  settings: 'Settings',
  activity: 'Activity',
  trash: 'Trash',
  import: 'Import',
};

export function App() {
  const route = useRoute();
  const [notice, setNotice] = useState<Notice | null>(null);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Bumped after an undo: the page remounts and reloads what the undo changed.
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  // A success notice right after a write offers to undo it (see activity-signal.ts).
  const notify = useCallback(
    (n: Notice) =>
      setNotice({
        ...n,
        activity:
          n.activity !== undefined ? n.activity : n.tone === 'success' ? claimActivity() : null,
        at: Date.now(),
      }),
    [],
  );
  const sample = useSample();
  useEffect(() => void refreshSample(), []);

  useEffect(() => installLeaveGuards(), []);

  useEffect(() => {
    document.title = `${TITLES[route.page]} · tactful`;
    // Move focus to the page on navigation so keyboard and screen reader users start there.
    if (!first.current) main.current?.focus();
    first.current = false;
  }, [route]);

  useEffect(() => {
    if (!notice) return;
    // A notice with Undo stays longer, so there is time to reach the button.
    const ms = notice.activity ? 12000 : notice.tone === 'error' ? 8000 : 4000;
    const t = window.setTimeout(() => setNotice(null), ms);
    return () => window.clearTimeout(t);
  }, [notice]);

  const active =
    route.page === 'application' || route.page === 'debrief' ? 'applications' : route.page;
  return (
    <NoticeContext.Provider value={notify}>
      <RefreshContext.Provider value={refresh}>
        <a
          className="skip"
          href="#main"
          onClick={(e) => {
            e.preventDefault();
            main.current?.focus();
          }}
        >
          Skip to content
        </a>
        <header className="topbar">
          <a className="brand" href={href('today')}>
            <span aria-hidden="true" className="brand-mark">
              t
            </span>{' '}
            tactful
          </a>
          <nav aria-label="Main">
            <ul>
              {NAV.map((n) => (
                <li key={n.page}>
                  <a href={n.to} aria-current={active === n.page ? 'page' : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {sample.active && <SampleBand />}
        <main id="main" ref={main} tabIndex={-1}>
          <Suspense fallback={<p className="loading">Loading…</p>}>
            {/* A new key on every switch to or from the sample: the page reloads its data. */}
            <Page key={`${sample.generation}:${generation}`} route={route} />
          </Suspense>
        </main>
        <div className="toast-region" role="status" aria-live="polite">
          {notice && (
            <div className={`toast toast-${notice.tone ?? 'info'}`}>
              <span>{notice.text}</span>
              {notice.activity ? (
                <UndoButton
                  activity={notice.activity}
                  onUndone={(text) => {
                    setNotice({ text, tone: 'info', activity: null, at: Date.now() });
                    refresh();
                  }}
                  onError={(text) =>
                    setNotice({ text, tone: 'error', activity: null, at: Date.now() })
                  }
                />
              ) : null}
            </div>
          )}
        </div>
      </RefreshContext.Provider>
    </NoticeContext.Provider>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'today':
      return <TodayPage />;
    case 'applications':
      return <ApplicationsPage />;
    case 'application':
      return <ApplicationPage key={route.id} id={route.id} />;
    case 'debrief':
      return (
        <DebriefPage
          key={`${route.applicationId}/${route.interviewId}`}
          applicationId={route.applicationId}
          interviewId={route.interviewId}
        />
      );
    case 'contacts':
      return <ContactsPage />;
    case 'insights':
      return <InsightsPage />;
    case 'outbox':
      return <OutboxPage />;
    case 'settings':
      return <SettingsPage />;
    case 'activity':
      return <ActivityPage />;
    case 'trash':
      return <TrashPage />;
    case 'import':
      return <ImportPage />;
  }
}
