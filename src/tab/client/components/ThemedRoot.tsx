// Fluent UI with the Teams theme the host asked for (light, dark, high contrast), and its run-time styles
// written into <style> elements that carry the page's CSP nonce.
import {
  createDOMRenderer,
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  RendererProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { TeamsTheme } from '../teams.js';

const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
const renderer = createDOMRenderer(document, nonce ? { styleElementAttributes: { nonce } } : {});

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
});

const useStaticStyles = makeStaticStyles({ body: { margin: 0 } });

function Styled({ children }: { children: ReactNode }) {
  useStaticStyles();
  const styles = useStyles();
  return <div className={styles.root}>{children}</div>;
}

/** Wraps the whole page (render's root): every makeStyles below it writes with the nonce. */
export function StyleRenderer({ children }: { children: ReactNode }) {
  return (
    <RendererProvider renderer={renderer} targetDocument={document}>
      {children}
    </RendererProvider>
  );
}

export function ThemedRoot({
  theme,
  language,
  children,
}: {
  theme: TeamsTheme;
  language: string;
  children: ReactNode;
}) {
  document.documentElement.lang = language;
  document.documentElement.style.colorScheme = theme === 'default' ? 'light' : 'dark';
  return (
    <FluentProvider theme={themes[theme]} targetDocument={document} data-theme={theme}>
      <Styled>{children}</Styled>
    </FluentProvider>
  );
}
