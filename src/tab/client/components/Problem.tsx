// An error in the person's language, with what to do next (never the server's English message).
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { ApiError } from '../api.js';
import type { TabStrings } from '../strings/index.js';

export function problemText(error: unknown, strings: TabStrings): string {
  if (!(error instanceof ApiError)) return strings.errors.failed;
  switch (error.code) {
    case 'InvalidToken':
      return strings.errors.signIn;
    case 'Forbidden':
      if (error.body?.reason === 'own-request') return strings.decide.ownRequest;
      if (error.body?.reason === 'not-approver') return strings.decide.notApprover;
      return strings.errors.forbidden;
    case 'NotFound':
      return strings.request.notFound;
    case 'TabNotConfigured':
      return strings.errors.notConfigured;
    case 'Unavailable':
    case 'Network':
      return strings.errors.unavailable;
    default:
      return strings.errors.failed;
  }
}

export function Problem({
  error,
  strings,
  onRetry,
}: {
  error: unknown;
  strings: TabStrings;
  onRetry?: () => void;
}) {
  return (
    <MessageBar intent="error" role="alert" data-problem={error instanceof ApiError ? error.code : 'Unknown'}>
      <MessageBarBody>{problemText(error, strings)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{strings.errors.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
