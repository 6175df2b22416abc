/**
 * The anonymous polls this browser has cast a ballot in (docs/dialogue.md, "Anonymous votes"). Their ballots are not
 * in the room's document, so the session bar cannot read there whether I voted: the server says so to my own
 * requests, and this remembers it for the tab's life (sessionStorage), so the bar stops inviting me.
 */
const KEY = 'vetnet.anonymousBallots';

function read(): Set<string> {
  try {
    return new Set(JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

const listeners = new Set<() => void>();

export function rememberAnonymousBallot(pollId: string, cast: boolean): void {
  const all = read();
  if (cast) all.add(pollId);
  else all.delete(pollId);
  try {
    sessionStorage.setItem(KEY, JSON.stringify([...all]));
  } catch {
    // storage full or blocked: the bar keeps inviting, nothing worse
  }
  listeners.forEach((l) => l());
}

export function castAnonymously(pollId: string): boolean {
  return read().has(pollId);
}

/** Told when a ballot is remembered, so the session bar reads again. */
export function onAnonymousBallot(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
