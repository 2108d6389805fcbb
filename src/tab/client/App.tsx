// The Requests tab inside Teams: who is signed in, the theme Teams asks for (and its live changes), the
// person's language, and the two views (the list, one request) behind the URL's hash.
import { Badge, Caption1, makeStyles, Spinner, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { MeView } from '../contract.js';
import { createApi } from './api.js';
import { EMPTY_FILTERS } from './components/Filters.js';
import { Problem } from './components/Problem.js';
import { type ListPosition, RequestList } from './components/RequestList.js';
import { RequestPage } from './components/RequestPage.js';
import { ThemedRoot } from './components/ThemedRoot.js';
import { AppContext, type AppContextValue } from './context.js';
import { useChangeMarker, useRoute } from './hooks.js';
import { catalogues, fill, formats, type Language } from './strings/index.js';
import type { TeamsSession, TeamsTheme } from './teams.js';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0 },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  main: {
    maxWidth: '1200px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalL,
    '@media (max-width: 599px)': { padding: tokens.spacingHorizontalS },
  },
});

/** The channel tab's content URL says what to show first (ConfigPage.tsx). */
function initialFilters(): ListPosition['filters'] {
  const show = new URLSearchParams(window.location.search).get('show');
  return show === 'pending' ? { ...EMPTY_FILTERS, state: 'pending_approval' } : EMPTY_FILTERS;
}

export function TabApp({ session, language }: { session: TeamsSession; language: Language }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<TeamsTheme>(session.theme);
  const api = useMemo(() => createApi(session.getToken), [session]);
  const [me, setMe] = useState<MeView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [position, setPosition] = useState<ListPosition>(() => ({
    filters: initialFilters(),
    cursors: [null],
    lastOpened: null,
  }));
  const route = useRoute();
  const marker = useChangeMarker(me ? api : null);
  const strings = catalogues[language];
  const format = useMemo(() => formats(language), [language]);

  useEffect(() => session.onThemeChange(setTheme), [session]);
  const loadMe = useMemo(
    () => () => {
      setError(null);
      api.me().then(setMe, setError);
    },
    [api],
  );
  useEffect(() => {
    loadMe();
    session.loaded();
  }, [loadMe, session]);

  const context: AppContextValue | null = me ? { language, strings, formats: format, api, me, marker } : null;
  return (
    <ThemedRoot theme={theme} language={language}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title} id="app-title">
          {strings.app.title}
        </Title3>
        {me && (
          <div className={styles.who}>
            <Caption1>{fill(strings.app.signedInAs, { name: me.name })}</Caption1>
            <Badge appearance="outline" data-role={me.role}>
              {me.role === 'approver' ? strings.app.roleApprover : strings.app.roleHelpdesk}
            </Badge>
          </div>
        )}
      </header>
      <main className={styles.main} aria-labelledby="app-title">
        {error !== null && <Problem error={error} strings={strings} onRetry={loadMe} />}
        {!me && error === null && <Spinner label={strings.app.loading} />}
        {context && (
          <AppContext.Provider value={context}>
            {route.view === 'request' ? (
              <RequestPage key={route.id} id={route.id} />
            ) : (
              <RequestList position={position} onPosition={setPosition} />
            )}
          </AppContext.Provider>
        )}
      </main>
    </ThemedRoot>
  );
}
