/**
 * The learning pages and their addresses: /learning (programmes, and my learning), /learning/programmes/{id},
 * /learning/editions/{id}, and the public /verify, where anyone checks a credential.
 */
export type LearningRoute =
  | { view: 'home' }
  | { view: 'programme'; id: string }
  | { view: 'edition'; id: string }
  | { view: 'verify' };

export const LEARNING_PATH = '/learning';
export const VERIFY_PATH = '/verify';

export const programmeUrl = (id: string) => `${LEARNING_PATH}/programmes/${encodeURIComponent(id)}`;
export const editionUrl = (id: string) => `${LEARNING_PATH}/editions/${encodeURIComponent(id)}`;

export function isLearningPath(path: string): boolean {
  return /^\/(?:learning|verify)(?:[/?#]|$)/.test(path);
}

export function isVerifyPath(path: string): boolean {
  return /^\/verify\/?(?:[?#]|$)/.test(path);
}

/** The page a path names, or null for a path under /learning that names none. */
export function learningRoute(path: string): LearningRoute | null {
  const p = path.split(/[?#]/)[0].replace(/\/$/, '');
  if (p === VERIFY_PATH) return { view: 'verify' };
  if (p === LEARNING_PATH) return { view: 'home' };
  const m = p.match(/^\/learning\/(programmes|editions)\/([^/]+)$/);
  if (!m) return null;
  return { view: m[1] === 'programmes' ? 'programme' : 'edition', id: decodeURIComponent(m[2]) };
}
