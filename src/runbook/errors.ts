// Typed errors with stable codes. Expected outcomes (denied, already decided) are return values, not
// exceptions; these are for outages and bugs at the edges.

export type TenantErrorCode =
  | 'Throttled'
  | 'Unavailable'
  | 'NotFound'
  | 'Forbidden'
  | 'Unauthorized'
  | 'BadRequest'
  | 'UnblockLimitReached'
  | 'OnPremisesManaged'
  | 'Unknown';

/** A failed call to Microsoft 365 (Graph or Exchange Online). `message` is for logs, never for users. */
export class TenantError extends Error {
  override readonly name = 'TenantError';
  constructor(
    readonly code: TenantErrorCode,
    message: string,
    readonly options: { status?: number; retryable?: boolean; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }

  get retryable(): boolean {
    return this.options.retryable ?? (this.code === 'Throttled' || this.code === 'Unavailable');
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }
}
