// One request: its state and how long it has been waiting, who asked, what was found, the decision, what
// went wrong, the approver's Approve / Reject, and the timeline from the audit log. It reloads when
// anything changes on the server, so a decision on a card or the user sending again shows on its own.
import {
  Caption1,
  Link,
  makeStyles,
  Spinner,
  Subtitle2,
  Text,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { RequestDetailView } from '../../contract.js';
import { useApp } from '../context.js';
import { useNow } from '../hooks.js';
import { fill } from '../strings/index.js';
import { DecisionPanel } from './DecisionPanel.js';
import { Problem } from './Problem.js';
import { StateBadge } from './StateBadge.js';
import { Timeline } from './Timeline.js';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.title2, margin: 0, overflowWrap: 'anywhere' },
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  columns: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))',
    alignItems: 'start',
  },
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  facts: { margin: 0, display: 'grid', gap: tokens.spacingVerticalS },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  reason: {
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground2,
  },
});

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{children}</dd>
    </div>
  );
}

export function RequestPage({ id }: { id: string }) {
  const { strings, formats, api, marker } = useApp();
  const styles = useStyles();
  const now = useNow();
  const [request, setRequest] = useState<RequestDetailView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);
  const focused = useRef(false);

  const load = useCallback(() => {
    let current = true;
    api.request(id).then(
      (view) => {
        if (!current) return;
        setRequest(view);
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(failure);
      },
    );
    return () => {
      current = false;
    };
  }, [api, id]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: marker is the reason to reload
  useEffect(load, [load, marker]);

  // Keyboard and screen reader users land on the heading of the page they opened.
  useEffect(() => {
    if (request && !focused.current && heading.current) {
      heading.current.focus();
      focused.current = true;
    }
  }, [request]);

  const r = strings.request;
  const back = (
    <Link href="#/" data-back="">
      ← {r.back}
    </Link>
  );
  if (!request) {
    return (
      <div className={styles.page}>
        {back}
        {error !== null ? (
          <Problem error={error} strings={strings} onRetry={load} />
        ) : (
          <Spinner label={strings.app.loading} />
        )}
      </div>
    );
  }
  const passwordText = {
    'reset-by-agent': r.passwordResetByAgent,
    'reset-by-bot': r.passwordResetByBot,
    'on-premises': r.passwordOnPremises,
  };
  const kindText = {
    'outbound-spam': r.kindOutboundSpam,
    'recipient-limit': r.kindRecipientLimit,
    unknown: r.kindUnknown,
  };
  const { restriction, checks, decision } = request;

  return (
    <article className={styles.page} data-request-page={request.id}>
      {back}
      <h1 className={styles.heading} ref={heading} tabIndex={-1}>
        {fill(r.title, { user: `${request.user.displayName} (${request.user.userPrincipalName})` })}
      </h1>
      <div className={styles.status}>
        <StateBadge state={request.state} />
        <Text data-waiting="">
          {request.waitingSince
            ? fill(r.waitingFor, { duration: formats.duration(request.waitingSince, now) })
            : fill(r.endedAgo, { duration: formats.duration(request.updatedAt, now) })}
        </Text>
      </div>
      {error !== null && <Problem error={error} strings={strings} onRetry={load} />}
      <DecisionPanel request={request} onDecided={setRequest} />
      <div className={styles.columns}>
        <section className={styles.card} aria-labelledby="facts-heading">
          <Subtitle2 as="h2" id="facts-heading">
            {r.status}
          </Subtitle2>
          <dl className={styles.facts}>
            <Fact term={r.requestedBy}>{request.requester.name}</Fact>
            <Fact term={r.created}>{formats.dateTime(request.createdAt)}</Fact>
            {request.submittedAt && <Fact term={r.submitted}>{formats.dateTime(request.submittedAt)}</Fact>}
            {decision && (
              <Fact term={r.decision}>
                {fill(r.decidedBy, { name: decision.by })}
                {decision.at && ` · ${formats.dateTime(decision.at)}`}
                {decision.comment && (
                  <>
                    <br />
                    {r.comment}: {decision.comment}
                  </>
                )}
              </Fact>
            )}
            {request.unblockedAt && <Fact term={r.unblocked}>{formats.dateTime(request.unblockedAt)}</Fact>}
            {request.resumedAt && <Fact term={r.resumed}>{formats.dateTime(request.resumedAt)}</Fact>}
            {request.failure && <Fact term={r.failure}>{strings.failure[request.failure]}</Fact>}
            {request.attempt > 1 && (
              <Fact term={r.status}>{fill(r.attempt, { number: request.attempt })}</Fact>
            )}
          </dl>
        </section>
        <section className={styles.card} aria-labelledby="account-heading">
          <Subtitle2 as="h2" id="account-heading">
            {r.restriction}
          </Subtitle2>
          <dl className={styles.facts}>
            <Fact term={r.restriction}>
              {restriction ? (
                <>
                  {kindText[restriction.kind]}
                  {restriction.since && (
                    <>
                      <br />
                      {fill(r.restrictionSince, { date: formats.dateTime(restriction.since) })}
                    </>
                  )}
                  {restriction.temporary && (
                    <>
                      <br />
                      {r.restrictionTemporary}
                    </>
                  )}
                  <br />
                  <Caption1 className={styles.reason} title={r.reasonDetails}>
                    {restriction.reason}
                  </Caption1>
                </>
              ) : (
                r.notChecked
              )}
            </Fact>
            <Fact term={r.password}>
              {request.password ? passwordText[request.password] : r.passwordUnknown}
            </Fact>
            <Fact term={r.checks}>
              {checks ? (
                <>
                  {checks.forwardingTo
                    ? fill(r.forwardingTo, { address: checks.forwardingTo })
                    : r.noForwarding}
                  <br />
                  {fill(r.suspiciousRules, { count: checks.suspiciousRules, total: checks.ruleCount })}
                  <br />
                  {checks.sessionsRevoked ? r.sessionsRevoked : r.sessionsKept}
                </>
              ) : (
                r.notChecked
              )}
            </Fact>
          </dl>
        </section>
      </div>
      <section className={styles.card} aria-labelledby="timeline-heading">
        <Subtitle2 as="h2" id="timeline-heading">
          {strings.timeline.heading}
        </Subtitle2>
        <Timeline entries={request.timeline} />
      </section>
    </article>
  );
}
