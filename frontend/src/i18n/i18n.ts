import { createContext, useContext } from 'react';
import { de } from './de';
import { en, type MessageKey } from './en';
import { it } from './it';

export type Language = 'en' | 'it' | 'de';
export type { MessageKey };

export const LANGUAGES: readonly Language[] = ['en', 'it', 'de'];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', it: 'Italiano', de: 'Deutsch' };

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, it, de };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Picks a supported language from a profile value such as "it", "de-AT" or "EN"; English otherwise. */
export function pickLanguage(...candidates: (string | null | undefined)[]): Language {
  for (const c of candidates) {
    const base = (c ?? '').toLowerCase().split(/[-_]/)[0];
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

/** Placeholders of a message, e.g. {count}. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, params) => {
    const message = catalogue[key] ?? en[key] ?? key;
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

export interface I18n {
  language: Language;
  t: Translate;
  setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18n>({ language: 'en', t: translator('en'), setLanguage: () => {} });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
