// Small React hooks of the tab: the hash route, a ticking clock, media queries, debounced input, and the
// change marker polled while the page is visible.
import { useEffect, useState } from 'react';
import type { TabApi } from './api.js';

export type Route = { view: 'list' } | { view: 'request'; id: string };

function parseRoute(hash: string): Route {
  const match = /^#\/requests\/([^/?#]+)$/.exec(hash);
  return match?.[1] ? { view: 'request', id: decodeURIComponent(match[1]) } : { view: 'list' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function requestHref(id: string): string {
  return `#/requests/${encodeURIComponent(id)}`;
}

/** The current time, renewed every `everyMs` (for "waiting for 2 h 5 min"). */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener('change', onChange);
    onChange();
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** How often an open tab asks whether anything changed (a cheap call: one indexed read on the server). */
export const POLL_INTERVAL_MS = 4000;

/** The server's change marker, polled while the page is visible; '' until the first answer. */
export function useChangeMarker(api: TabApi | null): string {
  const [marker, setMarker] = useState('');
  useEffect(() => {
    if (!api) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (document.visibilityState === 'visible') {
        try {
          const { marker: next } = await api.changes();
          if (!stopped) setMarker(next);
        } catch {
          // A missed poll is retried at the next one.
        }
      }
      if (!stopped) timer = setTimeout(poll, POLL_INTERVAL_MS);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        clearTimeout(timer);
        void poll();
      }
    };
    void poll();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [api]);
  return marker;
}
