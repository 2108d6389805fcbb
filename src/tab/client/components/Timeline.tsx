// A request's audit trail as a timeline: who did what, when, and where (a chat, a channel, this tab, or
// the bot on its own), oldest first.
import { Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TimelineEntryView } from '../../contract.js';
import { useApp } from '../context.js';
import { fill, type TabStrings } from '../strings/index.js';
import { StateBadge } from './StateBadge.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  entry: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  meta: { color: tokens.colorNeutralForeground2 },
});

const refusalKey = {
  'not-approver': 'refusedNotApprover',
  'own-request': 'refusedOwnRequest',
  'not-pending': 'refusedNotPending',
  'not-retryable': 'refusedNotRetryable',
} as const;

/** One sentence for an entry, in the person's language. */
export function describe(entry: TimelineEntryView, strings: TabStrings): string {
  const t = strings.timeline;
  const actor = entry.actor ?? t.bot;
  const detail = entry.detail;
  switch (entry.action) {
    case 'request.created':
      return fill(t.created, { actor });
    case 'request.transition':
      if (entry.toState === 'pending_approval' && entry.actor) return fill(t.submitted, { actor });
      if (entry.toState === 'cancelled' && entry.actor) return fill(t.cancelled, { actor });
      return fill(t.movedTo, { state: entry.toState ? strings.state[entry.toState] : '' });
    case 'approval.decided':
      return fill(detail.decision === 'reject' ? t.rejected : t.approved, { actor });
    case 'approval.retried':
      return fill(t.retried, { actor, attempt: String(detail.attempt ?? '') });
    case 'approval.refused': {
      const key = refusalKey[String(detail.reason) as keyof typeof refusalKey];
      return fill(t.refused, { actor, reason: key ? t[key] : String(detail.reason ?? '') });
    }
    case 'password.reset':
      return fill(t.passwordReset, { actor });
    case 'password.confirmed':
      return fill(t.passwordConfirmed, { actor });
    case 'password.on-premises':
      return fill(t.passwordOnPremises, { actor });
    case 'sessions.revoked':
      return t.sessionsRevoked;
    case 'restriction.checked':
      return t.restrictionChecked;
    case 'checks.completed':
      return t.checksCompleted;
    case 'approval.reminded':
      return t.reminded;
    case 'approvals-channel.set':
      return t.channelSet;
    case 'unblock.called':
      return t.unblockCalled;
    case 'notify.sending':
      return t.notifySending;
    case 'notify.sent':
      return t.notifySent;
    case 'notify.failed':
      return t.notifyFailed;
    case 'job.gave-up':
      return t.gaveUp;
    case 'reconciler.repaired':
      return t.repaired;
    case 'access.refused':
      return t.accessRefused;
  }
}

const whereKey = {
  personal: 'inPersonal',
  channel: 'inChannel',
  group: 'inGroup',
  tab: 'inTab',
} as const;

export function Timeline({ entries }: { entries: TimelineEntryView[] }) {
  const { strings, formats } = useApp();
  const styles = useStyles();
  return (
    <ol className={styles.list} data-timeline="">
      {entries.map((entry, index) => {
        const where =
          entry.conversation in whereKey
            ? strings.timeline[whereKey[entry.conversation as keyof typeof whereKey]]
            : null;
        const changed =
          entry.toState !== null &&
          entry.toState !== entry.fromState &&
          entry.action !== 'request.transition';
        return (
          // The audit trail is append-only and shown in order: the position is the identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and never reorder
          <li key={index} className={styles.entry} data-action={entry.action}>
            <Text weight="semibold">{describe(entry, strings)}</Text>
            <Caption1 className={styles.meta}>
              <time dateTime={entry.at}>{formats.dateTime(entry.at)}</time>
              {where && ` · ${where}`}
            </Caption1>
            {changed && entry.toState && (
              <div>
                <StateBadge state={entry.toState} />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
