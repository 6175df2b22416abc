import { CATALOGUES, LANGUAGES, type MessageKey, type Translate } from './i18n';

/**
 * Shared content written from a message (a template's frame titles, starter notes, agenda) keeps that message's
 * key beside its text. While the text is still the message as written in one of our languages, each viewer sees it
 * in their own; once someone changes it, it is theirs and shown as they wrote it.
 */
export function inViewerLanguage(text: string, key: string | undefined, t: Translate): string {
  if (!key || !(key in CATALOGUES.en)) return text;
  const k = key as MessageKey;
  return LANGUAGES.some((l) => CATALOGUES[l][k] === text) ? t(k) : text;
}
