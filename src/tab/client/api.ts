// Calls to /api/tab/* with the person's single sign-on token. Teams caches the token and renews it; a 401
// asks Teams for a fresh one once before giving up. Errors carry the API's code so the page can say what
// to do in the person's language.
import type {
  ApiErrorBody,
  ApiErrorCode,
  ChangesView,
  Decision,
  DecisionView,
  MeView,
  PersonView,
  RequestDetailView,
  RequestListView,
} from '../contract.js';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'Network',
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

export interface ListFilters {
  state: string;
  user: string;
  requester: string;
  from: string;
  to: string;
  q: string;
}

export interface TabApi {
  me(): Promise<MeView>;
  list(filters: ListFilters, after: string | null): Promise<RequestListView>;
  requesters(): Promise<PersonView[]>;
  request(id: string): Promise<RequestDetailView>;
  decide(id: string, decision: Decision, comment: string): Promise<DecisionView>;
  changes(): Promise<ChangesView>;
}

/** The start of a local calendar day (plus `days`) as an ISO instant; the value itself if it is no date. */
function localDayStart(day: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}

export function createApi(getToken: () => Promise<string>): TabApi {
  let token: Promise<string> | null = null;
  const bearer = (fresh: boolean) => {
    if (fresh || !token) {
      token = getToken();
      token.catch(() => {
        token = null;
      });
    }
    return token;
  };

  async function call<T>(path: string, init: RequestInit = {}, retried = false): Promise<T> {
    let response: Response;
    try {
      response = await fetch(path, {
        ...init,
        headers: {
          ...init.headers,
          authorization: `Bearer ${await bearer(retried)}`,
          accept: 'application/json',
        },
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'Network', null);
    }
    if (response.status === 401 && !retried) return call<T>(path, init, true);
    const body = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const error = body as ApiErrorBody | null;
      throw new ApiError(response.status, error?.error ?? 'Unavailable', error);
    }
    return body as T;
  }

  return {
    me: () => call<MeView>('/api/tab/me'),
    list(filters, after) {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(filters)) {
        if (value.trim() === '') continue;
        // A day the person picked is their local day: from its start to the next day's start (excluded).
        if (key === 'from') query.set(key, localDayStart(value, 0));
        else if (key === 'to') query.set(key, localDayStart(value, 1));
        else query.set(key, value.trim());
      }
      if (after) query.set('after', after);
      return call<RequestListView>(`/api/tab/requests?${query}`);
    },
    requesters: async () => (await call<{ requesters: PersonView[] }>('/api/tab/requesters')).requesters,
    request: (id) => call<RequestDetailView>(`/api/tab/requests/${encodeURIComponent(id)}`),
    decide: (id, decision, comment) =>
      call<DecisionView>(`/api/tab/requests/${encodeURIComponent(id)}/decision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(comment.trim() ? { decision, comment: comment.trim() } : { decision }),
      }),
    changes: () => call<ChangesView>('/api/tab/changes'),
  };
}
