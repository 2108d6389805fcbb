// Paces proactive sends under Teams' rate limits, so the bot is not throttled in the first place:
// per bot per conversation 7 messages/1 s, 8/2 s, 60/30 s, 1800/3600 s; and a global cap across
// conversations (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit).

export interface Window {
  count: number;
  perMs: number;
}

export const teamsConversationWindows: Window[] = [
  { count: 7, perMs: 1000 },
  { count: 8, perMs: 2000 },
  { count: 60, perMs: 30_000 },
  { count: 1800, perMs: 3_600_000 },
];
export const teamsGlobalWindows: Window[] = [{ count: 50, perMs: 1000 }];

/**
 * Sends are counted when they leave, but Teams counts them when they arrive: a few milliseconds of network
 * jitter would let the 51st send land inside the same second. The margin absorbs that.
 */
export const DEFAULT_MARGIN_MS = 50;

class SlidingLog {
  private readonly times: number[] = [];
  constructor(
    private readonly windows: Window[],
    private readonly marginMs: number,
  ) {}

  /** How long to wait from `now` before one more send fits every window. */
  waitMs(now: number): number {
    let wait = 0;
    for (const { count, perMs } of this.windows) {
      const inWindow = this.times.filter((t) => t > now - perMs);
      if (inWindow.length >= count) {
        const oldest = inWindow[inWindow.length - count] ?? now;
        wait = Math.max(wait, oldest + perMs + this.marginMs - now);
      }
    }
    return wait;
  }

  record(at: number): void {
    this.times.push(at);
    const horizon = Math.max(...this.windows.map((w) => w.perMs));
    while (this.times.length > 0 && (this.times[0] ?? 0) <= at - horizon) this.times.shift();
  }
}

export class Pacer {
  private readonly conversations = new Map<string, SlidingLog>();
  private readonly global: SlidingLog;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      conversationWindows?: Window[];
      globalWindows?: Window[];
      now?: () => number;
      sleep?: (ms: number) => Promise<void>;
      marginMs?: number;
    } = {},
  ) {
    this.global = new SlidingLog(options.globalWindows ?? teamsGlobalWindows, this.margin);
  }

  private get margin(): number {
    return this.options.marginMs ?? DEFAULT_MARGIN_MS;
  }

  /** Resolves when one more send to `conversationId` fits the limits, and counts it. */
  take(conversationId: string): Promise<void> {
    const turn = this.queue.then(() => this.wait(conversationId));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async wait(conversationId: string): Promise<void> {
    const now = this.options.now ?? Date.now;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let log = this.conversations.get(conversationId);
    if (!log) {
      log = new SlidingLog(this.options.conversationWindows ?? teamsConversationWindows, this.margin);
      this.conversations.set(conversationId, log);
    }
    for (;;) {
      const wait = Math.max(log.waitMs(now()), this.global.waitMs(now()));
      if (wait <= 0) break;
      await sleep(wait);
    }
    const at = now();
    log.record(at);
    this.global.record(at);
  }
}
