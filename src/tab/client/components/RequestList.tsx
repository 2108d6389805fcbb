// The list of requests, newest first, with filters and pages (Newer / Older). A table on a wide tab, a
// list of cards on a narrow one (320 px). It reloads the page it shows when anything changes on the server.
import {
  Button,
  Caption1,
  Link,
  makeStyles,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestListView, RequestSummaryView } from '../../contract.js';
import type { ListFilters } from '../api.js';
import { useApp } from '../context.js';
import { requestHref, useDebounced, useMediaQuery, useNow } from '../hooks.js';
import { fill } from '../strings/index.js';
import { Filters } from './Filters.js';
import { Problem } from './Problem.js';
import { StateBadge } from './StateBadge.js';

/** The list's place: its filters and the cursors of the pages before the one shown (kept while a request is open). */
export interface ListPosition {
  filters: ListFilters;
  /** `after` of each page from the first (null) to the one shown. */
  cursors: (string | null)[];
  /** The request last opened, to give it focus again on the way back. */
  lastOpened: string | null;
}

const useStyles = makeStyles({
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  user: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  upn: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  cards: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  pager: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalM,
    flexWrap: 'wrap',
  },
  note: { display: 'block', marginBottom: tokens.spacingVerticalM, color: tokens.colorNeutralForeground2 },
});

function Waiting({ request, now }: { request: RequestSummaryView; now: Date }) {
  const { formats } = useApp();
  return <>{request.waitingSince ? formats.duration(request.waitingSince, now) : '—'}</>;
}

export function RequestList({
  position,
  onPosition,
}: {
  position: ListPosition;
  onPosition: (next: ListPosition) => void;
}) {
  const { strings, formats, api, me, marker } = useApp();
  const styles = useStyles();
  const narrow = useMediaQuery('(max-width: 599px)');
  const now = useNow();
  const [page, setPage] = useState<RequestListView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const filters = useDebounced(position.filters, 300);
  const after = position.cursors[position.cursors.length - 1] ?? null;
  const focusLink = useRef<HTMLAnchorElement | null>(null);
  // Back from a request, its link gets the focus once (not again at every live reload).
  const restoreFocus = useRef(position.lastOpened !== null);

  const load = useCallback(() => {
    let current = true;
    setLoading(true);
    api.list(filters, after).then(
      (view) => {
        if (!current) return;
        setPage(view);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, filters, after]);
  // Reload on a new filter or page, and when the server says something changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: marker is the reason to reload
  useEffect(load, [load, marker]);

  useEffect(() => {
    if (page && restoreFocus.current && focusLink.current) {
      focusLink.current.focus();
      restoreFocus.current = false;
    }
  }, [page]);

  const s = strings.list;
  const setFilters = (next: ListFilters) => onPosition({ ...position, filters: next, cursors: [null] });
  const open = (id: string) => onPosition({ ...position, lastOpened: id });
  const linkRef = (id: string) => (element: HTMLAnchorElement | null) => {
    if (id === position.lastOpened) focusLink.current = element;
  };
  const userLink = (request: RequestSummaryView) => (
    <Link
      href={requestHref(request.id)}
      onClick={() => open(request.id)}
      ref={linkRef(request.id)}
      aria-label={fill(s.open, { user: request.user.displayName })}
    >
      {request.user.displayName}
    </Link>
  );
  const requests = page?.requests ?? [];
  const noFilters = Object.values(position.filters).every((v) => v === '');

  return (
    <>
      <Filters filters={position.filters} onChange={setFilters} />
      {me.role === 'helpdesk' && <Caption1 className={styles.note}>{s.onlyYours}</Caption1>}
      {error !== null && <Problem error={error} strings={strings} onRetry={load} />}
      {loading && !page && <Spinner label={strings.app.loading} />}
      {page && requests.length === 0 && (
        <Text as="p">{noFilters && position.cursors.length === 1 ? s.noneYet : s.none}</Text>
      )}
      {requests.length > 0 && !narrow && (
        <Table className={styles.table} aria-label={s.caption} data-list="table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s.user}</TableHeaderCell>
              <TableHeaderCell>{s.state}</TableHeaderCell>
              <TableHeaderCell>{s.requester}</TableHeaderCell>
              <TableHeaderCell>{s.created}</TableHeaderCell>
              <TableHeaderCell>{s.waiting}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {requests.map((request) => (
              <TableRow key={request.id} data-request={request.id}>
                <TableCell>
                  <div className={styles.user}>
                    {userLink(request)}
                    <Caption1 className={styles.upn}>{request.user.userPrincipalName}</Caption1>
                  </div>
                </TableCell>
                <TableCell>
                  <StateBadge state={request.state} />
                </TableCell>
                <TableCell>{request.requester.name}</TableCell>
                <TableCell>{formats.dateTime(request.createdAt)}</TableCell>
                <TableCell>
                  <Waiting request={request} now={now} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {requests.length > 0 && narrow && (
        <ul className={styles.cards} aria-label={s.caption} data-list="cards">
          {requests.map((request) => (
            <li key={request.id} className={styles.card} data-request={request.id}>
              {userLink(request)}
              <Caption1 className={styles.upn}>{request.user.userPrincipalName}</Caption1>
              <div>
                <StateBadge state={request.state} />
              </div>
              <Caption1>
                {s.requester}: {request.requester.name} · {formats.dateTime(request.createdAt)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {(position.cursors.length > 1 || page?.next) && (
        <nav className={styles.pager} aria-label={fill(s.page, { number: position.cursors.length })}>
          <Button
            disabled={position.cursors.length <= 1}
            onClick={() => onPosition({ ...position, cursors: position.cursors.slice(0, -1) })}
          >
            {s.newer}
          </Button>
          <Text>{fill(s.page, { number: position.cursors.length })}</Text>
          <Button
            disabled={!page?.next}
            onClick={() =>
              page?.next && onPosition({ ...position, cursors: [...position.cursors, page.next] })
            }
          >
            {s.older}
          </Button>
        </nav>
      )}
    </>
  );
}
