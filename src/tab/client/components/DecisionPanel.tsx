// Approve, Reject (or Retry a failed unblock) with a comment, for approvers. The server decides with the
// card's rules and answers with the request as it is now; a refusal is said in the person's language.
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { type Decision, LIMITS, type RequestDetailView } from '../../contract.js';
import { ApiError } from '../api.js';
import { useApp } from '../context.js';
import { fill } from '../strings/index.js';
import { problemText } from './Problem.js';

const useStyles = makeStyles({
  panel: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

type Outcome = { intent: 'success' | 'error' | 'info'; text: string } | null;

export function DecisionPanel({
  request,
  onDecided,
}: {
  request: RequestDetailView;
  onDecided: (next: RequestDetailView) => void;
}) {
  const { strings, api } = useApp();
  const styles = useStyles();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const d = strings.decide;
  const { actions } = request;

  const decide = async (decision: Decision) => {
    setBusy(true);
    setOutcome({ intent: 'info', text: d.working });
    try {
      const result = await api.decide(request.id, decision, comment);
      setComment('');
      setOutcome({
        intent: 'success',
        text: decision === 'reject' ? d.rejected : decision === 'retry' ? d.retried : d.approved,
      });
      onDecided(result.request);
    } catch (error) {
      const state = error instanceof ApiError ? error.body?.state : undefined;
      setOutcome({
        intent: 'error',
        text: state ? fill(d.alreadyDecided, { state: strings.state[state] }) : problemText(error, strings),
      });
    } finally {
      setBusy(false);
    }
  };

  const message = outcome && (
    <MessageBar intent={outcome.intent} data-outcome={outcome.intent}>
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  );

  if (actions.refusal === 'own-request') {
    return (
      <section className={styles.panel} aria-labelledby="decision-heading">
        <Subtitle2 as="h2" id="decision-heading">
          {d.heading}
        </Subtitle2>
        <Text>{d.ownRequest}</Text>
      </section>
    );
  }
  if (!actions.approve && !actions.retry) return <div aria-live="polite">{message}</div>;
  return (
    <section className={styles.panel} aria-labelledby="decision-heading" data-decision="">
      <Subtitle2 as="h2" id="decision-heading">
        {d.heading}
      </Subtitle2>
      <Text>{actions.retry ? d.onRetry : d.onApprove}</Text>
      <Field label={d.comment}>
        <Textarea
          value={comment}
          maxLength={LIMITS.maxComment}
          placeholder={d.commentPlaceholder}
          onChange={(_, data) => setComment(data.value)}
          resize="vertical"
        />
      </Field>
      <div className={styles.buttons}>
        {actions.approve && (
          <Button appearance="primary" disabled={busy} onClick={() => void decide('approve')}>
            {d.approve}
          </Button>
        )}
        {actions.reject && (
          <Button disabled={busy} onClick={() => void decide('reject')}>
            {d.reject}
          </Button>
        )}
        {actions.retry && (
          <Button appearance="primary" disabled={busy} onClick={() => void decide('retry')}>
            {d.retry}
          </Button>
        )}
      </div>
      <div aria-live="polite">{message}</div>
    </section>
  );
}
