// Limits that keep one person, or everyone together, from overwhelming the bot: a per-person rate of
// messages and clicks (answered with a "slow down" card), and a cap on turns in progress at once
// (answered with HTTP 429 + Retry-After, which the Bot Framework channel retries).

/** At most `max` turns at once in this process. */
export class TurnGate {
  private active = 0;

  constructor(private readonly max: number) {}

  /** Takes a slot; false when all are taken. Every true must be followed by exactly one `leave()`. */
  tryEnter(): boolean {
    if (this.active >= this.max) return false;
    this.active += 1;
    return true;
  }

  leave(): void {
    this.active = Math.max(0, this.active - 1);
  }
}

interface Bucket {
  tokens: number;
  at: number;
  /** When a refusal of this person was last reported (logged), so a flood logs once a minute. */
  reportedAt?: number;
}

/** Forget people whose allowance is full again once this many are tracked (memory stays bounded). */
const PRUNE_ABOVE = 10_000;

/**
 * A token bucket per person: `perMinute` actions in a burst, refilled evenly over a minute. In memory,
 * per process: a person sending through several instances gets each instance's allowance.
 */
export class UserRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Spends one action of `person`'s allowance; false when there is none left. */
  take(person: string): boolean {
    const now = this.now();
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, pruning only forgets full allowances
    if (this.buckets.size > PRUNE_ABOVE) this.prune(now);
    const bucket = this.buckets.get(person) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = this.refilled(bucket, now);
    bucket.at = now;
    this.buckets.set(person, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** True for the first refusal of `person` in a minute: log that one, not every refused activity. */
  shouldReport(person: string): boolean {
    const bucket = this.buckets.get(person);
    if (!bucket) return true;
    const now = this.now();
    if (bucket.reportedAt !== undefined && now - bucket.reportedAt < 60_000) return false;
    bucket.reportedAt = now;
    return true;
  }

  private refilled(bucket: Bucket, now: number): number {
    return Math.min(this.perMinute, bucket.tokens + Math.max(0, now - bucket.at) * this.refillPerMs);
  }

  private prune(now: number): void {
    for (const [person, bucket] of this.buckets) {
      if (this.refilled(bucket, now) >= this.perMinute) this.buckets.delete(person);
    }
  }
}
