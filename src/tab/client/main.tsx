// The Requests tab's entry point: connects to the Teams host, then shows the tab, the channel tab's
// configuration page, or (outside Teams) where to open it.
import { createRoot } from 'react-dom/client';
import { TabApp } from './App.js';
import { ConfigPage } from './components/ConfigPage.js';
import { OutsideTeams } from './components/OutsideTeams.js';
import { StyleRenderer, ThemedRoot } from './components/ThemedRoot.js';
import { catalogues, resolveLanguage } from './strings/index.js';
import { connectToTeams } from './teams.js';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const root = createRoot(container);
  const session = await connectToTeams();
  if (!session) {
    const language = resolveLanguage(navigator.language);
    const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    root.render(
      <StyleRenderer>
        <ThemedRoot theme={dark ? 'dark' : 'default'} language={language}>
          <OutsideTeams
            strings={catalogues[language]}
            simulated={document.body.dataset.simulated === 'true'}
          />
        </ThemedRoot>
      </StyleRenderer>,
    );
    return;
  }
  const language = resolveLanguage(session.locale);
  if (document.body.dataset.page === 'config' || session.frameContext === 'settings') {
    root.render(
      <StyleRenderer>
        <ThemedRoot theme={session.theme} language={language}>
          <ConfigPage strings={catalogues[language]} session={session} />
        </ThemedRoot>
      </StyleRenderer>,
    );
    session.loaded();
    return;
  }
  root.render(
    <StyleRenderer>
      <TabApp session={session} language={language} />
    </StyleRenderer>,
  );
}

void start();
