// Fault injection: throttling (429 + Retry-After) and outages (503), per API, either scripted request by
// request or at random with an injectable (seedable) random function so test runs are reproducible.
import { z } from 'zod';

export type FaultApi = 'graph' | 'exchange';

const faultStatus = z.union([z.literal(429), z.literal(503)]);
export type FaultStatus = z.infer<typeof faultStatus>;

export const faultPlanSchema = z.object({
  /** One entry per request to the API, used in order; null lets that request through. */
  sequence: z.array(faultStatus.nullable()).max(1000).optional(),
  /** After the sequence (or without one): the chance (0..1) that a request fails with `status`. */
  probability: z.number().min(0).max(1).optional(),
  status: faultStatus.optional(),
  /** Instead of `status`: each fault picks one of these at random (a mix of throttling and outages). */
  statuses: z.array(faultStatus).min(1).max(2).optional(),
  /** Seconds sent in Retry-After; null sends none. Default: 1 for 429, none for 503. */
  retryAfterSeconds: z.number().int().min(0).max(3600).nullable().optional(),
  /** Exchange only: the plan applies to these cmdlets alone (an outage of Remove-BlockedSenderAddress). */
  cmdlets: z.array(z.string().min(1).max(64)).max(20).optional(),
});
export type FaultPlan = z.infer<typeof faultPlanSchema>;

export const faultPlansSchema = z.object({
  graph: faultPlanSchema.optional(),
  exchange: faultPlanSchema.optional(),
});
export type FaultPlans = z.infer<typeof faultPlansSchema>;

export interface InjectedFault {
  status: FaultStatus;
  retryAfterSeconds: number | null;
}

export class FaultInjector {
  private plans: FaultPlans = {};
  private readonly cursor: Record<FaultApi, number> = { graph: 0, exchange: 0 };

  constructor(
    plans: FaultPlans,
    private readonly random: () => number,
  ) {
    this.set(plans);
  }

  /** Replaces the plans and restarts their sequences. */
  set(plans: FaultPlans): void {
    this.plans = structuredClone(plans);
    this.cursor.graph = 0;
    this.cursor.exchange = 0;
  }

  /** The fault to inject into the next request to `api` (running `cmdlet`, for Exchange), if any. */
  next(api: FaultApi, cmdlet?: string | null): InjectedFault | null {
    const plan = this.plans[api];
    if (!plan) return null;
    if (plan.cmdlets && !plan.cmdlets.includes(cmdlet ?? '')) return null;
    const position = this.cursor[api]++;
    const scripted = plan.sequence?.[position];
    if (scripted !== undefined) return scripted === null ? null : fault(scripted, plan);
    if (plan.probability !== undefined && this.random() < plan.probability) {
      const picked = plan.statuses?.[Math.floor(this.random() * plan.statuses.length)];
      return fault(picked ?? plan.status ?? 429, plan);
    }
    return null;
  }
}

function fault(status: FaultStatus, plan: FaultPlan): InjectedFault {
  const fallback = status === 429 ? 1 : null;
  return {
    status,
    retryAfterSeconds: plan.retryAfterSeconds === undefined ? fallback : plan.retryAfterSeconds,
  };
}

/** A small deterministic PRNG (mulberry32) for reproducible random faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
