// The list's filters: search, status, user, requester (approvers only: the helpdesk sees their own) and the
// creation dates. Every control has a visible label; on a narrow tab they stack.
import { Button, Field, Input, makeStyles, SearchBox, Select, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { type PersonView, REQUEST_STATES } from '../../contract.js';
import type { ListFilters } from '../api.js';
import { useApp } from '../context.js';

export const EMPTY_FILTERS: ListFilters = { state: '', user: '', requester: '', from: '', to: '', q: '' };

const useStyles = makeStyles({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  wide: { flex: '2 1 220px', minWidth: 0 },
  field: { flex: '1 1 150px', minWidth: 0 },
  control: { width: '100%', minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
});

export function Filters({
  filters,
  onChange,
}: {
  filters: ListFilters;
  onChange: (next: ListFilters) => void;
}) {
  const { strings, api, me } = useApp();
  const styles = useStyles();
  const [requesters, setRequesters] = useState<PersonView[]>([]);
  const isApprover = me.role === 'approver';
  useEffect(() => {
    if (!isApprover) return;
    api.requesters().then(setRequesters, () => setRequesters([]));
  }, [api, isApprover]);
  const set = (key: keyof ListFilters) => (value: string) => onChange({ ...filters, [key]: value });
  const badDates = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  const s = strings.filters;

  return (
    <section aria-label={s.label} className={styles.filters}>
      <Field label={s.search} className={styles.wide}>
        <SearchBox
          className={styles.control}
          value={filters.q}
          placeholder={s.searchPlaceholder}
          onChange={(_, data) => set('q')(data.value)}
          data-filter="q"
        />
      </Field>
      <Field label={s.state} className={styles.field}>
        <Select
          value={filters.state}
          className={styles.control}
          onChange={(_, data) => set('state')(data.value)}
          data-filter="state"
        >
          <option value="">{s.anyState}</option>
          <option value="active">{s.activeStates}</option>
          {REQUEST_STATES.map((state) => (
            <option key={state} value={state}>
              {strings.state[state]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s.user} className={styles.field}>
        <Input
          className={styles.control}
          value={filters.user}
          placeholder={s.userPlaceholder}
          onChange={(_, data) => set('user')(data.value)}
          data-filter="user"
        />
      </Field>
      {isApprover && (
        <Field label={s.requester} className={styles.field}>
          <Select
            value={filters.requester}
            className={styles.control}
            onChange={(_, data) => set('requester')(data.value)}
            data-filter="requester"
          >
            <option value="">{s.anyone}</option>
            <option value="me">{s.me}</option>
            {requesters.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field
        label={s.from}
        className={styles.field}
        validationState={badDates ? 'error' : 'none'}
        validationMessage={badDates ? s.badDates : undefined}
      >
        <Input
          type="date"
          value={filters.from}
          className={styles.control}
          onChange={(_, data) => set('from')(data.value)}
          data-filter="from"
        />
      </Field>
      <Field label={s.to} className={styles.field}>
        <Input
          type="date"
          value={filters.to}
          className={styles.control}
          onChange={(_, data) => set('to')(data.value)}
          data-filter="to"
        />
      </Field>
      <Button
        onClick={() => onChange(EMPTY_FILTERS)}
        disabled={Object.values(filters).every((v) => v === '')}
      >
        {s.clear}
      </Button>
    </section>
  );
}
