// The channel tab's configuration page: what the tab shows first in the channel (requests waiting for
// approval, for the approvals team, or all). Teams' Save stores the choice in the tab's content URL.
import { Body1, Field, makeStyles, Radio, RadioGroup, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { TabStrings } from '../strings/index.js';
import type { TeamsSession } from '../teams.js';

const useStyles = makeStyles({
  page: {
    padding: tokens.spacingHorizontalXL,
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
  },
});

export type ChannelView = 'pending' | 'all';

export function ConfigPage({ strings, session }: { strings: TabStrings; session: TeamsSession }) {
  const styles = useStyles();
  const [show, setShow] = useState<ChannelView>('pending');
  useEffect(() => {
    const base = window.location.origin;
    session.onSave(() => ({
      contentUrl: `${base}/tab?show=${show}`,
      websiteUrl: `${base}/tab?show=${show}`,
      suggestedDisplayName: strings.config.tabName,
    }));
    session.setSaveEnabled(true);
  }, [session, show, strings]);
  return (
    <main className={styles.page} data-config="">
      <Title3 as="h1">{strings.config.title}</Title3>
      <Body1>{strings.config.text}</Body1>
      <Field label={strings.config.show}>
        <RadioGroup value={show} onChange={(_, data) => setShow(data.value as ChannelView)}>
          <Radio value="pending" label={strings.config.showPending} />
          <Radio value="all" label={strings.config.showAll} />
        </RadioGroup>
      </Field>
    </main>
  );
}
