// A request's state as a badge: its name in words (never colour alone) on the colour of its outcome.
import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { RequestState } from '../../contract.js';
import { useApp } from '../context.js';

const colour: Record<RequestState, NonNullable<BadgeProps['color']>> = {
  open: 'informative',
  pending_approval: 'warning',
  approved: 'brand',
  unblocking: 'brand',
  waiting_resume: 'brand',
  resumed: 'success',
  rejected: 'severe',
  cancelled: 'informative',
  failed: 'danger',
  expired: 'informative',
};

export function StateBadge({ state }: { state: RequestState }) {
  const { strings } = useApp();
  return (
    <Badge appearance="tint" color={colour[state]} shape="rounded" data-state={state}>
      {strings.state[state]}
    </Badge>
  );
}
