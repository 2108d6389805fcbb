// Message catalogues and locale choice. Every text the bot shows comes from here, in the person's language.
import i18next, { type i18n } from 'i18next';
import { da } from './locales/da.js';
import { en, type Catalogue as SourceCatalogue } from './locales/en.js';
import { nl } from './locales/nl.js';
import { sl } from './locales/sl.js';
import { sv } from './locales/sv.js';

export const supportedLanguages = ['en', 'da', 'sv', 'sl', 'nl'] as const;
export type Language = (typeof supportedLanguages)[number];

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** Plural suffixes are chosen by i18next from `count`; callers use the base key. */
type WithoutPlural<K extends string> =
  K extends `${infer B}_${'one' | 'other' | 'two' | 'few' | 'many' | 'zero'}` ? B : K;
export type MessageKey = WithoutPlural<Leaves<SourceCatalogue>>;
export type MessageVars = Record<string, string | number>;

type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** Plural forms English lacks but another grammar needs, e.g. Slovenian "_two" and "_few" beside "_other". */
type ExtraPlurals<T> = {
  [K in keyof T & string as K extends `${infer B}_other`
    ? `${B}_${Exclude<PluralCategory, 'one' | 'other'>}`
    : never]?: string;
};
type AllowPlurals<T> = { [K in keyof T]: T[K] extends string ? T[K] : AllowPlurals<T[K]> } & ExtraPlurals<T>;
/** The shape every language must have: en's keys, plus any plural forms its language needs. */
export type Catalogue = AllowPlurals<SourceCatalogue>;

/** The catalogues the bot ships with. */
export const catalogues: Record<Language, Catalogue> = { en, da, sv, sl, nl };

/** "da-DK" → "da"; anything unsupported → "en". */
export function resolveLanguage(locale: string | undefined | null): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (supportedLanguages as readonly string[]).includes(base) ? (base as Language) : 'en';
}

export interface Translator {
  t(language: Language, key: MessageKey, vars?: MessageVars): string;
  /** A date and time in the person's language and the tenant's time zone, e.g. "23 Nov 2026, 11:02". */
  formatDateTime(language: Language, iso: string): string;
}

export function createTranslator(
  languages: Partial<Record<Language, Catalogue>> = catalogues,
  timeZone = 'UTC',
): Translator {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...supportedLanguages],
    resources: Object.fromEntries(Object.entries(languages).map(([lng, c]) => [lng, { translation: c }])),
    // Cards and Markdown are not HTML: escaping would show "&quot;" to the agent.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const fixed = new Map(supportedLanguages.map((lng) => [lng, instance.getFixedT(lng)]));
  const dateFormats = new Map<Language, Intl.DateTimeFormat>();
  return {
    t(language, key, vars) {
      const t = fixed.get(language) ?? instance.t;
      return t(key, vars ?? {});
    },
    formatDateTime(language, iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      let format = dateFormats.get(language);
      if (!format) {
        format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone });
        dateFormats.set(language, format);
      }
      return format.format(date);
    },
  };
}

export { da, en, nl, sl, sv };
