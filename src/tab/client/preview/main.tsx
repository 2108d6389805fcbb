// The local preview (simulated mode only): a Teams-like host page that frames the Requests tab, signs in
// as a person of the simulated tenant, and switches the theme (live, as Teams does) and the language.
import { Field, makeStyles, Select, Text, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { StyleRenderer, ThemedRoot } from '../components/ThemedRoot.js';
import { type HostContext, TeamsHost } from './teamsHost.js';

interface Person {
  id: string;
  name: string;
  userPrincipalName: string;
  role: 'approver' | 'helpdesk' | 'none';
}

const LOCALES = [
  ['en-us', 'English'],
  ['da-dk', 'Dansk'],
  ['sv-se', 'Svenska'],
  ['sl-si', 'Slovenščina'],
  ['nl-nl', 'Nederlands'],
] as const;
const THEMES = [
  ['default', 'Light'],
  ['dark', 'Dark'],
  ['contrast', 'High contrast'],
] as const;
const ROLE = { approver: 'approver', helpdesk: 'helpdesk', none: 'in neither group' } as const;

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  frame: { display: 'block', width: '100%', height: 'calc(100vh - 140px)', border: 0 },
});

async function tokenFor(person: string): Promise<string> {
  const response = await fetch('/tab/preview/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ person }),
  });
  if (!response.ok) throw new Error('resourceDisabled');
  return ((await response.json()) as { token: string }).token;
}

function Preview() {
  const styles = useStyles();
  const [people, setPeople] = useState<Person[]>([]);
  const [person, setPerson] = useState('');
  const [locale, setLocale] = useState<string>('en-us');
  const [theme, setTheme] = useState<HostContext['theme']>('default');
  const frame = useRef<HTMLIFrameElement | null>(null);
  const host = useRef<TeamsHost | null>(null);
  const current = useRef({ person, locale, theme, people });
  current.current = { person, locale, theme, people };

  useEffect(() => {
    fetch('/tab/preview/people')
      .then((r) => r.json() as Promise<{ people: Person[] }>)
      .then(({ people: found }) => {
        setPeople(found);
        setPerson(found.find((p) => p.role === 'approver')?.id ?? found[0]?.id ?? '');
      });
  }, []);

  useEffect(() => {
    const started = new TeamsHost(
      () => frame.current,
      () => {
        const { person: id, locale: lang, theme: look, people: all } = current.current;
        const who = all.find((p) => p.id === id);
        return {
          locale: lang,
          theme: look,
          userObjectId: id,
          userPrincipalName: who?.userPrincipalName ?? '',
          userDisplayName: who?.name ?? '',
          entityId: 'requests',
          frameContext: 'content',
        };
      },
      () => tokenFor(current.current.person),
    );
    host.current = started;
    return () => started.stop();
  }, []);

  const changeTheme = (next: HostContext['theme']) => {
    setTheme(next);
    host.current?.changeTheme(next);
  };

  return (
    <ThemedRoot theme={theme} language="en">
      <div className={styles.bar}>
        <Title3 as="h1">Requests tab: local preview</Title3>
        <Field label="Signed in as">
          <Select value={person} onChange={(_, d) => setPerson(d.value)} data-preview="person">
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({ROLE[p.role]})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Teams language">
          <Select value={locale} onChange={(_, d) => setLocale(d.value)} data-preview="locale">
            {LOCALES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Teams theme">
          <Select
            value={theme}
            onChange={(_, d) => changeTheme(d.value as HostContext['theme'])}
            data-preview="theme"
          >
            {THEMES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Text>Simulated tenant: nothing here reaches Microsoft 365.</Text>
      </div>
      {/* A new person or language is a new sign-in: the tab loads again, as when Teams switches account. */}
      {person && (
        <iframe
          key={`${person}|${locale}`}
          ref={frame}
          className={styles.frame}
          title="Requests tab"
          src="/tab"
        />
      )}
    </ThemedRoot>
  );
}

const container = document.getElementById('root');
if (container)
  createRoot(container).render(
    <StyleRenderer>
      <Preview />
    </StyleRenderer>,
  );
