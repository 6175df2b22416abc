import { memo, useCallback, useDeferredValue, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Translate } from '../i18n/i18n';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { frameOf } from './geometry';
import { BoardError, canEdit, canWrite, HAS_TEXT, type BoardModel, type BoardObject } from './model';
import type { BoardStore } from './store';

interface Props {
  model: BoardModel;
  store: BoardStore;
  /** The board has synced with the server at least once: before that, no objects means "not loaded", not "empty". */
  loaded: boolean;
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
  names: (userId: string) => string;
  onError: (message: string) => void;
}

/**
 * The board as a document for screen readers and keyboards: areas (frames) as headings, their objects as a
 * list of buttons. On a focused note: arrow keys move it (Shift: larger steps), Enter edits its text, Delete
 * removes it. Every change is announced in a live region.
 */
export const Outline = memo(function Outline({ model, store, loaded, selected, onSelect, names, onError }: Props) {
  const { t } = useI18n();
  // Throttled and deferred: while a note is dragged on the board the outline catches up a few times a second,
  // between frames, never blocking them (and a screen reader is not flooded).
  const objects = useDeferredValue(useSyncExternalStore(useThrottled(store.subscribe, 300), store.list));
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [announce, setAnnounce] = useState('');
  const writable = canWrite(model.actor);

  const groups = useMemo(() => {
    const frames = objects.filter((o) => o.type === 'frame');
    const inFrame = new Map<string, BoardObject[]>();
    const outside: BoardObject[] = [];
    const connectors: BoardObject[] = [];
    for (const o of objects) {
      if (o.type === 'connector') connectors.push(o);
      if (o.type === 'frame' || o.type === 'connector') continue;
      const f = frameOf(o, frames);
      if (f) inFrame.set(f.id, [...(inFrame.get(f.id) ?? []), o]);
      else outside.push(o);
    }
    const byPos = (a: BoardObject, b: BoardObject) => a.y - b.y || a.x - b.x;
    return { frames: [...frames].sort(byPos), inFrame, outside: outside.sort(byPos), connectors, byPos };
  }, [objects]);

  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof BoardError) onError(e.message);
      else throw e;
    }
  };

  const addNote = () => attempt(() => {
    // Below the lowest object of the selected area, or of the board.
    const sel = [...selected].map((id) => store.get(id)).find((o) => o?.type === 'frame');
    const scope = sel ? (groups.inFrame.get(sel.id) ?? []) : objects;
    const bottom = scope.reduce((m, o) => Math.max(m, o.y + o.h), sel ? sel.y + 50 : 0);
    const x = sel ? sel.x + 20 : 40;
    const id = model.create({ type: 'note', x, y: bottom + 20, text: t('board.newNote') });
    onSelect(new Set([id]));
    setEditing(id);
    setDraft(t('board.newNote'));
  });



  const onKey = (o: BoardObject, e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && HAS_TEXT.has(o.type)) {
      e.preventDefault();
      if (!canEdit(model.actor, o)) return setAnnounce(t('outline.notYours', { name: names(o.owner) }));
      setEditing(o.id);
      setDraft(o.text);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      if (!canEdit(model.actor, o)) return setAnnounce(t('outline.notYours', { name: names(o.owner) }));
      model.remove([o.id]);
    } else if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      if (!canEdit(model.actor, o)) return setAnnounce(t('outline.notYours', { name: names(o.owner) }));
      const step = e.shiftKey ? 100 : 20;
      const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
      const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
      model.move([o.id], dx, dy);
      model.endStep();
      setAnnounce(t('outline.moved', { x: o.x + dx, y: o.y + dy }));
    }
  };

  /** A connector's end as the outline names it: its text, else its kind. */
  const endLabel = (id?: string) => {
    const end = id ? store.get(id) : undefined;
    return end ? end.text || t(`type.${end.type}` as MessageKey) : '?';
  };

  const keyRef = useRef(onKey);
  keyRef.current = onKey;
  const stableKey = useCallback((o: BoardObject, e: React.KeyboardEvent) => keyRef.current(o, e), []);
  const selectOne = useCallback((id: string) => onSelect(new Set([id])), [onSelect]);

  const item = (o: BoardObject) => (
    <li key={o.id}>
      {editing === o.id ? (
        <form className="outline-edit" onSubmit={(e) => {
          e.preventDefault();
          attempt(() => model.setText(o.id, draft));
          model.endStep();
          setEditing(null);
        }}>
          <label>
            <span className="sr-only">{t('board.editNote')}</span>
            <textarea autoFocus value={draft} onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setEditing(null);
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  (e.currentTarget.form as HTMLFormElement).requestSubmit();
                }
              }} />
          </label>
          <button type="submit">{t('outline.save')}</button>
          <button type="button" onClick={() => setEditing(null)}>{t('outline.cancel')}</button>
        </form>
      ) : (
        <OutlineRow o={o} selected={selected.has(o.id)} t={t} names={names} onKey={stableKey} onSelect={selectOne} />
      )}
    </li>
  );

  return (
    <section className="outline" aria-labelledby="outline-heading">
      <h2 id="outline-heading">{t('outline.heading')}</h2>
      <p className="help">{t('outline.help')}</p>
      {writable && <button type="button" className="primary" onClick={addNote}>{t('outline.addNote')}</button>}
      {objects.length === 0 && <p>{loaded ? t('outline.empty') : t('outline.loading')}</p>}
      {groups.frames.map((f) => (
        <section key={f.id} className="outline-frame">
          {editing === f.id ? <ul>{item(f)}</ul> : (
          <h3>
            <button type="button" className="outline-item frame" data-outline-id={f.id} aria-pressed={selected.has(f.id)}
              onClick={() => onSelect(new Set([f.id]))} onKeyDown={(e) => onKey(f, e)}>
              {f.text || t('type.frame')} <span className="muted">({t('outline.by', { name: names(f.owner) })})</span>
            </button>
          </h3>
          )}
          <ul>{(groups.inFrame.get(f.id) ?? []).sort(groups.byPos).map(item)}</ul>
        </section>
      ))}
      {groups.outside.length > 0 && (
        <section className="outline-frame">
          <h3>{t('outline.outsideFrames')}</h3>
          <ul>{groups.outside.map(item)}</ul>
        </section>
      )}
      {groups.connectors.length > 0 && (
        <section className="outline-frame">
          <h3>{t('outline.connections')}</h3>
          <ul>{groups.connectors.map((c) => (
            <li key={c.id}>
              <OutlineRow o={c} selected={selected.has(c.id)} t={t} names={names} onKey={stableKey} onSelect={selectOne}
                text={`${endLabel(c.from)} → ${endLabel(c.to)}`} />
            </li>
          ))}</ul>
        </section>
      )}
      <p className="sr-only" role="status" aria-live="polite">{announce}</p>
    </section>
  );
});

/** A subscribe function that calls back at most once per `ms` (and once more after the last change). */
function useThrottled(subscribe: (l: () => void) => () => void, ms: number): (l: () => void) => () => void {
  return useCallback((listener: () => void) => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsub = subscribe(() => {
      const wait = last + ms - Date.now();
      if (wait <= 0) {
        last = Date.now();
        listener();
      } else if (!timer) {
        timer = setTimeout(() => {
          timer = undefined;
          last = Date.now();
          listener();
        }, wait);
      }
    });
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
    };
  }, [subscribe, ms]);
}

const OutlineRow = memo(function OutlineRow({ o, selected, t, names, onKey, onSelect, text: shown }: {
  o: BoardObject; selected: boolean; t: Translate; names: (id: string) => string;
  onKey: (o: BoardObject, e: React.KeyboardEvent) => void; onSelect: (id: string) => void;
  /** What the row says instead of the object's own text (a connector: its two ends). */
  text?: string;
}) {
  // An image's address says nothing to a reader (a hash): it is named by its type and author like an empty shape.
  const text = shown ?? (o.text || '—');
  const parts = [t('outline.item', { type: t(`type.${o.type}` as MessageKey), text }), t('outline.by', { name: names(o.owner) })];
  if (o.votes.length > 0) parts.push(t('board.votes', { count: o.votes.length }));
  return (
    <button type="button" className={`outline-item${selected ? ' selected' : ''}`} data-outline-id={o.id}
      aria-pressed={selected} onClick={() => onSelect(o.id)} onKeyDown={(e) => onKey(o, e)}>
      <span className="swatch" style={{ background: o.type === 'note' ? o.color : 'transparent' }} aria-hidden="true" />
      {parts.join(', ')}
    </button>
  );
});
