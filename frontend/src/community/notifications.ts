import type { MessageKey, Translate } from '../i18n/i18n';
import type { Notification } from './communityApi';

/**
 * What the notifications page makes of the server's list: each kind named in the viewer's language, and where a
 * notification leads, only ever a page of this app.
 */

const KIND_KEYS: Record<string, MessageKey> = {
  INVITATION: 'notifications.kind.INVITATION',
  ANSWER: 'notifications.kind.ANSWER',
  REPLY: 'notifications.kind.REPLY',
  JOIN_REQUEST: 'notifications.kind.JOIN_REQUEST',
  MENTION: 'notifications.kind.MENTION',
  COMMENT: 'notifications.kind.COMMENT',
};

/** The message key of a kind; a kind the app does not know yet is a plain "Notification". */
export function notificationKindKey(kind: string): MessageKey {
  return Object.hasOwn(KIND_KEYS, kind) ? KIND_KEYS[kind] : 'notifications.kind.other';
}

/** The sentence of each kind (and variant), with the parameters it needs from the server. */
const SENTENCES: Record<string, { key: MessageKey; needs: string[] }> = {
  INVITATION: { key: 'notifications.text.INVITATION', needs: ['who', 'title'] },
  'ANSWER.ACCEPTED': { key: 'notifications.text.ANSWER.ACCEPTED', needs: ['who', 'title'] },
  'ANSWER.DECLINED': { key: 'notifications.text.ANSWER.DECLINED', needs: ['who', 'title'] },
  'REPLY.yours': { key: 'notifications.text.REPLY.yours', needs: ['who', 'title'] },
  'REPLY.followed': { key: 'notifications.text.REPLY.followed', needs: ['who', 'title'] },
  MENTION: { key: 'notifications.text.MENTION', needs: ['who', 'title'] },
  JOIN_REQUEST: { key: 'notifications.text.JOIN_REQUEST', needs: ['who', 'community'] },
  COMMENT: { key: 'notifications.text.COMMENT', needs: ['who', 'title'] },
};

/**
 * What a notification says, in the reader's language when the server sent what the sentence is made of; else the
 * server's English sentence, marked so (`english`) for screen readers.
 */
export function notificationSentence(n: Notification, t: Translate): { text: string; english: boolean } {
  const p = n.params ?? {};
  const variant = n.kind === 'ANSWER' ? `ANSWER.${p.answer}` : n.kind === 'REPLY' ? `REPLY.${p.discussion}` : String(n.kind);
  const sentence = Object.hasOwn(SENTENCES, variant) ? SENTENCES[variant] : null;
  if (!sentence || sentence.needs.some((k) => typeof p[k] !== 'string')) return { text: n.text, english: true };
  return { text: t(sentence.key, Object.fromEntries(sentence.needs.map((k) => [k, p[k]]))), english: false };
}

/**
 * The path a notification leads to, or null: only a path of this site ("/counselling/c1"), never another site
 * ("//x.eu", "https://x.eu", "/\x.eu") nor a script, since the link is followed within the app.
 */
export function notificationHref(link: string | null | undefined): string | null {
  const path = (link ?? '').trim();
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
  // Control characters and spaces would make the browser read it otherwise than it is shown.
  if (/[\u0000-\u0020\u007f]/.test(path)) return null;
  return path;
}

/** The newest first, whatever order they came in; one with an unreadable time last. */
export function newestFirst(list: readonly Notification[]): Notification[] {
  const time = (n: Notification) => {
    const ms = Date.parse(n.at);
    return Number.isNaN(ms) ? -Infinity : ms;
  };
  return [...list].sort((a, b) => time(b) - time(a));
}

/** A notification as the live channel brings it (docs/community.md, "Notifications"), or null when it is not one. */
export function liveNotification(data: unknown): Notification | null {
  if (!data || typeof data !== 'object') return null;
  const n = data as Record<string, unknown>;
  if (typeof n.id !== 'string' || typeof n.text !== 'string' || typeof n.kind !== 'string') return null;
  const params = n.params && typeof n.params === 'object'
    ? Object.fromEntries(Object.entries(n.params as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>
    : undefined;
  return { id: n.id, at: typeof n.at === 'string' ? n.at : new Date().toISOString(), kind: n.kind, text: n.text,
    link: typeof n.link === 'string' ? n.link : null, params };
}

/** The list with {@code n} in it once (a notification heard live may also come with the list). */
export function withNotification(list: readonly Notification[], n: Notification): Notification[] {
  return list.some((m) => m.id === n.id) ? [...list] : newestFirst([n, ...list]);
}
