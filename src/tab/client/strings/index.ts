// The tab's languages, chosen from the Teams locale (app.locale, e.g. "da-dk"), English otherwise; and the
// dates, times and durations in that language (Intl), in the person's own time zone.
import { da } from './da.js';
import { en, type TabStrings } from './en.js';
import { nl } from './nl.js';
import { sl } from './sl.js';
import { sv } from './sv.js';

export const catalogues = { en, da, sv, sl, nl } satisfies Record<string, TabStrings>;
export type Language = keyof typeof catalogues;
export type { TabStrings };

export function resolveLanguage(locale: string | undefined | null): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return base in catalogues ? (base as Language) : 'en';
}

/** Replaces {{name}} placeholders; the values are text (React escapes them when rendered). */
export function fill(text: string, vars: Record<string, string | number> = {}): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export interface Formats {
  dateTime(iso: string): string;
  /** "2 h 5 min", "3 days" in the language's own short units. */
  duration(fromIso: string, to: Date): string;
}

export function formats(language: Language): Formats {
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const unit = (name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' });
  const days = unit('day');
  const hours = unit('hour');
  const minutes = unit('minute');
  return {
    dateTime(iso) {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
    },
    duration(fromIso, to) {
      const totalMinutes = Math.max(0, Math.floor((to.getTime() - Date.parse(fromIso)) / 60_000));
      const d = Math.floor(totalMinutes / 1440);
      const h = Math.floor((totalMinutes % 1440) / 60);
      const m = totalMinutes % 60;
      if (d > 0) return h > 0 ? `${days.format(d)} ${hours.format(h)}` : days.format(d);
      if (h > 0) return m > 0 ? `${hours.format(h)} ${minutes.format(m)}` : hours.format(h);
      return minutes.format(m);
    },
  };
}
