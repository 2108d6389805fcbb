// Reads the Reason string of a Restricted entities row (Get-BlockedSenderAddress). Microsoft documents no
// format; observed strings are ';'-separated "key=value" pairs with bare flags, e.g.
//   EmailSendingLimitExceeded;InternalRecipientCountToday=37;ExternalRecipientCountToday=5012;ExceedingLimitType=External;…
//   OutboundSpamLast24Hours=212;OutboundMailLast24Hours=245;OutboundSpamPercent=86;Last Spam Message MessagetraceId:…
// (../shared/reference/m365-contracts.md §1.1). A recipient-rate-limit block differs from a spam/compromise
// block: admins may not be able to lift it, and the user must wait 24 hours.

export type RestrictionKind = 'recipient-limit' | 'outbound-spam' | 'unknown';
export type RecipientLimitType = 'Internal' | 'External' | 'Unknown';

export interface RestrictionReason {
  kind: RestrictionKind;
  /** Which recipient limit was exceeded (ExceedingLimitType), for recipient-limit blocks. */
  limitType?: RecipientLimitType;
  internalRecipientsToday?: number;
  externalRecipientsToday?: number;
  outboundSpamLast24Hours?: number;
  outboundMailLast24Hours?: number;
  outboundSpamPercent?: number;
  /** Every key=value (or "key:value") pair, keys as written. */
  fields: Record<string, string>;
  /** Segments without a value, e.g. "EmailSendingLimitExceeded". */
  flags: string[];
}

/** Longer strings are cut: the field is free text from the service and is shown on cards. */
const MAX_REASON_LENGTH = 4096;

export function parseRestrictionReason(reason: string | null | undefined): RestrictionReason {
  const fields: Record<string, string> = {};
  const flags: string[] = [];
  for (const raw of (reason ?? '').slice(0, MAX_REASON_LENGTH).split(';')) {
    const segment = raw.trim();
    if (segment === '') continue;
    const split = segment.search(/[=:]/);
    if (split <= 0) {
      flags.push(segment);
      continue;
    }
    fields[segment.slice(0, split).trim()] = segment.slice(split + 1).trim();
  }

  const field = (name: string): string | undefined => {
    const key = Object.keys(fields).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : fields[key];
  };
  const count = (name: string): number | undefined => {
    const value = field(name);
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  };

  const limitTypeRaw = field('ExceedingLimitType');
  const isRecipientLimit =
    limitTypeRaw !== undefined ||
    flags.some((f) => f.toLowerCase() === 'emailsendinglimitexceeded') ||
    field('InternalRecipientCountToday') !== undefined ||
    field('ExternalRecipientCountToday') !== undefined;
  const isSpam = Object.keys(fields).some((k) => /spam/i.test(k)) || flags.some((f) => /spam/i.test(f));

  const result: RestrictionReason = {
    kind: isRecipientLimit ? 'recipient-limit' : isSpam ? 'outbound-spam' : 'unknown',
    fields,
    flags,
  };
  if (isRecipientLimit) result.limitType = normaliseLimitType(limitTypeRaw);
  assignDefined(result, 'internalRecipientsToday', count('InternalRecipientCountToday'));
  assignDefined(result, 'externalRecipientsToday', count('ExternalRecipientCountToday'));
  assignDefined(result, 'outboundSpamLast24Hours', count('OutboundSpamLast24Hours'));
  assignDefined(result, 'outboundMailLast24Hours', count('OutboundMailLast24Hours'));
  assignDefined(result, 'outboundSpamPercent', count('OutboundSpamPercent'));
  return result;
}

function normaliseLimitType(raw: string | undefined): RecipientLimitType {
  const value = (raw ?? '').replace(/[<>]/g, '').trim().toLowerCase();
  if (value === 'internal') return 'Internal';
  if (value === 'external') return 'External';
  return 'Unknown';
}

function assignDefined<K extends keyof RestrictionReason>(
  target: RestrictionReason,
  key: K,
  value: RestrictionReason[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}
