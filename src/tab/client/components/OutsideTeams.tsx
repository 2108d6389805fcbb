// Opened outside Teams (a browser tab, a bookmark): say where it works. In the local simulated mode, offer
// the local preview, which signs in as a person of the simulated tenant.
import { Body1, Link, makeStyles, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import type { TabStrings } from '../strings/index.js';

const useStyles = makeStyles({
  page: {
    maxWidth: '40rem',
    margin: '0 auto',
    padding: tokens.spacingHorizontalXL,
    display: 'grid',
    gap: tokens.spacingVerticalM,
  },
});

export function OutsideTeams({ strings, simulated }: { strings: TabStrings; simulated: boolean }) {
  const styles = useStyles();
  return (
    <main className={styles.page} data-outside-teams="">
      <Title2 as="h1">{strings.outside.title}</Title2>
      <Body1>{strings.outside.text}</Body1>
      {simulated && (
        <section aria-labelledby="preview-heading">
          <Subtitle2 as="h2" id="preview-heading">
            {strings.outside.preview}
          </Subtitle2>
          <Body1 as="p">{strings.outside.previewText}</Body1>
          <Link href="/tab/preview">{strings.outside.previewLink}</Link>
        </section>
      )}
    </main>
  );
}
