import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type PointerEvent as ReactPointerEvent } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { GlyphLabel } from '../app/GlyphLabel';
import { useI18n, type MessageKey } from '../i18n/i18n';
import type { Peer } from '../sync/peers';
import { bounds, fitView, intersects, MAX_SCALE, MIN_SCALE, normalize, type BoardView, type Point } from './geometry';
import { LONG_PRESS_MS, LONG_PRESS_SLOP, pinchView } from './touch';
import { uploadImage } from '../app/api';
import { boardSize, IMAGE_TYPES, imageFiles, pixelSize } from './images';
import { keyOf, toolForKey } from './shortcuts';
import type { Activity } from '../workshop/model';
import { BoardError, canEdit, canWrite, connectable, HAS_TEXT, NOTE_COLORS, type BoardModel, type BoardObject, type NoteColor, type ObjectType } from './model';
import { Icon } from './icons';
import { ConnectorView, ObjectView, strokePath } from './ObjectView';
import { PeerCursors } from './PeerCursors';
import type { BoardStore } from './store';

export type Tool = 'select' | 'note' | 'text' | 'rect' | 'ellipse' | 'connector' | 'pen' | 'frame' | 'image';
const TOOLS: Tool[] = ['select', 'note', 'text', 'rect', 'ellipse', 'connector', 'pen', 'frame', 'image'];

type View = BoardView;

type Drag =
  | { kind: 'move'; ids: string[]; last: Point; moved: boolean }
  | { kind: 'pan'; start: Point; view: View }
  | { kind: 'marquee'; start: Point; current: Point; add: boolean }
  | { kind: 'resize'; id: string; start: Point; b: { x: number; y: number; w: number; h: number } }
  | { kind: 'create'; type: ObjectType; start: Point; current: Point }
  | { kind: 'pen'; points: number[] }
  | { kind: 'connect'; from: string; current: Point };

interface Props {
  /** The room whose image store uploads go to. */
  roomId: string;
  model: BoardModel;
  store: BoardStore;
  awareness?: Awareness;
  peers: Peer[];
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
  names: (userId: string) => string;
  onError: (message: string) => void;
  /** Move the view here (the middle of the view on the board, and a scale) whenever `key` changes: follow me, summon. */
  goTo?: { cx: number; cy: number; s: number; key: string };
  /** Told where the view is (its middle and scale) after it settles: a leading facilitator publishes it. */
  onViewChange?: (v: { cx: number; cy: number; s: number }) => void;
  /** What the phase under way allows this person (docs/rooms.md, "Phases"); everything when absent. */
  allows?: (activity: Activity) => boolean;
}

/** Numbers each board on the page, so their SVG ids (grid pattern, arrow marker) never clash. */
let boardsOnPage = 0;

/** No phase rule: every activity. */
const everything = () => true;

export const Board = memo(function Board({ roomId, model, store, awareness, peers, selected, onSelect, names, onError, goTo, onViewChange, allows = everything }: Props) {
  const { t } = useI18n();
  const [svgIds] = useState(() => {
    boardsOnPage += 1;
    return { grid: `grid-${boardsOnPage}`, arrow: `arrow-${boardsOnPage}` };
  });
  const objects = useSyncExternalStore(store.subscribe, store.list);
  const byId = useSyncExternalStore(store.subscribe, store.map);
  const [view, setView] = useState<View>({ x: 40, y: 40, s: 1 });
  const [tool, setTool] = useState<Tool>('select');
  const [color, setColor] = useState<NoteColor>('yellow');
  const [drag, setDrag] = useState<Drag | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const dragRef = useRef<Drag | null>(null);
  const lastCursor = useRef(0);
  const writable = canWrite(model.actor);
  // The phase narrows what a writer does now; the room server holds the same rules.
  const adds = writable && allows('add');
  const votes = writable && allows('vote');
  const edits = (o: Pick<BoardObject, 'owner' | 'locked'>) => canEdit(model.actor, o) && allows('edit');
  const [size, setSize] = useState({ w: 1200, h: 800 });
  useEffect(() => {
    const el = svgRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const toBoard = useCallback((clientX: number, clientY: number): Point => {
    const r = svgRef.current!.getBoundingClientRect();
    return { x: (clientX - r.left - view.x) / view.s, y: (clientY - r.top - view.y) / view.s };
  }, [view]);

  /**
   * A tool from the toolbar or its key. The image tool is no mode: it opens the file chooser at once (a button press
   * or a key is the user activation browsers ask for, and it works from the keyboard) and places the pictures in the
   * middle of the view; pasting and dropping place them where they land.
   */
  const pickTool = (k: Tool) => {
    setConnectFrom(null);
    if (k === 'image') {
      imageAt.current = { x: (size.w / 2 - view.x) / view.s - 100, y: (size.h / 2 - view.y) / view.s - 75 };
      imageInput.current?.click();
      return;
    }
    setTool(k);
  };

  // Follow me and summon: the view moves to where the facilitator is, each time they move.
  useEffect(() => {
    if (goTo) setView({ x: size.w / 2 - goTo.cx * goTo.s, y: size.h / 2 - goTo.cy * goTo.s, s: goTo.s });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [goTo?.key]);
  useEffect(() => {
    if (!onViewChange) return undefined;
    const settled = setTimeout(() => onViewChange({ cx: (size.w / 2 - view.x) / view.s, cy: (size.h / 2 - view.y) / view.s, s: view.s }), 150);
    return () => clearTimeout(settled);
  }, [view, size, onViewChange]);

  // Our selection, as others see it.
  useEffect(() => {
    awareness?.setLocalStateField('selection', [...selected]);
  }, [awareness, selected]);

  // Images come from the image tool (a file, placed where the board was clicked), a paste (at the middle of the
  // view) or a drop (where dropped). Each is uploaded to the room server, which judges it; the board then shows
  // the path it answers (docs/rooms.md, "Images").
  const imageInput = useRef<HTMLInputElement>(null);
  const imageAt = useRef<Point>({ x: 0, y: 0 });
  const [uploading, setUploading] = useState(0);
  const addImages = async (files: ArrayLike<File>, at: Point) => {
    const { images, others } = imageFiles(files);
    if (others > 0) onError(t('image.wrongType'));
    const created: string[] = [];
    for (const [i, file] of images.entries()) {
      setUploading((n) => n + 1);
      try {
        const [{ url }, pixels] = await Promise.all([uploadImage(roomId, file), pixelSize(file)]);
        const { w, h } = boardSize(pixels?.width ?? 0, pixels?.height ?? 0);
        // Several at once are laid out side by side rather than on top of each other.
        run(() => created.push(model.create({ type: 'image', x: at.x + i * 24, y: at.y + i * 24, w, h, url })));
      } catch (e) {
        onError(t('image.failed', { name: file.name, reason: String((e as Error)?.message ?? e) }));
      } finally {
        setUploading((n) => n - 1);
      }
    }
    if (created.length > 0) onSelect(new Set(created));
  };
  const viewCentre = (): Point => {
    const r = svgRef.current!.getBoundingClientRect();
    return toBoard(r.left + r.width / 2, r.top + r.height / 2);
  };
  const canAddImages = adds;

  const run = useCallback((fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof BoardError) onError(e.message);
      else throw e;
    }
  }, [onError]);

  const setDragBoth = (d: Drag | null) => {
    dragRef.current = d;
    setDrag(d);
  };

  /**
   * The object under the pointer. The canvas holds the pointer capture while a click or drag runs, so an event's
   * target may be the canvas itself: the object is found by position.
   */
  const objectAt = (e: { target: EventTarget; clientX: number; clientY: number }): BoardObject | undefined => {
    const under = [e.target as Element, ...document.elementsFromPoint(e.clientX, e.clientY)];
    const id = under.map((el) => el.closest?.('[data-id]')?.getAttribute('data-id')).find(Boolean);
    return id ? store.get(id) : undefined;
  };

  // Touch (docs/frontend.md, "Small screens"): one finger does what the mouse does (tap selects, a drag on the empty
  // board pans); a second finger turns it into a pinch (zoom and pan); a finger resting on an object edits its text.
  const touches = useRef(new Map<number, Point>());
  const pinch = useRef<{ a0: Point; b0: Point; view: View } | null>(null);
  const longPress = useRef<{ timer: ReturnType<typeof setTimeout>; at: Point } | null>(null);
  const cancelLongPress = () => {
    if (longPress.current) clearTimeout(longPress.current.timer);
    longPress.current = null;
  };
  useEffect(() => cancelLongPress, []);
  const onCanvas = (e: { clientX: number; clientY: number }): Point => {
    const r = svgRef.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  /** Handles a touch pointer going down; true when it is part of a pinch and nothing else should happen. */
  const touchDown = (e: ReactPointerEvent<SVGSVGElement>): boolean => {
    touches.current.set(e.pointerId, onCanvas(e));
    if (touches.current.size >= 2) {
      cancelLongPress();
      setDragBoth(null);
      const [a, b] = [...touches.current.values()];
      pinch.current = { a0: a, b0: b, view };
      svgRef.current!.setPointerCapture(e.pointerId);
      return true;
    }
    const o = objectAt(e);
    if (o && tool === 'select' && edits(o) && HAS_TEXT.has(o.type)) {
      const id = o.id;
      longPress.current = {
        at: onCanvas(e),
        timer: setTimeout(() => {
          longPress.current = null;
          setDragBoth(null);
          model.endStep();
          onSelect(new Set([id]));
          setEditing(id);
        }, LONG_PRESS_MS),
      };
    }
    return false;
  };
  /** Handles a touch pointer moving; true when a pinch used it. */
  const touchMove = (e: ReactPointerEvent<SVGSVGElement>): boolean => {
    if (!touches.current.has(e.pointerId)) return false;
    const now = onCanvas(e);
    touches.current.set(e.pointerId, now);
    if (longPress.current && Math.hypot(now.x - longPress.current.at.x, now.y - longPress.current.at.y) > LONG_PRESS_SLOP) cancelLongPress();
    const p = pinch.current;
    if (!p || touches.current.size < 2) return !!p;
    const [a, b] = [...touches.current.values()];
    setView(pinchView(p.view, p.a0, p.b0, a, b));
    return true;
  };
  const touchUp = (e: ReactPointerEvent<SVGSVGElement>): boolean => {
    cancelLongPress();
    touches.current.delete(e.pointerId);
    if (!pinch.current) return false;
    // The pinch ends with its first finger up; the other one does not start a pan from where it rests.
    if (touches.current.size === 0) pinch.current = null;
    return true;
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.pointerType === 'touch' && touchDown(e)) return;
    if (editing) setEditing(null);
    const p = toBoard(e.clientX, e.clientY);
    const target = (e.target as Element).closest('[data-id]');
    const handle = (e.target as Element).closest('[data-handle]');
    svgRef.current!.setPointerCapture(e.pointerId);
    // The resize handle first: it lies outside its object, where a press would otherwise pan the board.
    if (handle && e.button !== 1) {
      const id = handle.getAttribute('data-handle')!;
      const o = store.get(id);
      if (o) setDragBoth({ kind: 'resize', id, start: p, b: { x: o.x, y: o.y, w: o.w, h: o.h } });
      return;
    }
    if (e.button === 1 || (tool === 'select' && !target && !e.shiftKey)) {
      setDragBoth({ kind: 'pan', start: { x: e.clientX, y: e.clientY }, view });
      if (!target && !e.shiftKey) onSelect(new Set());
      return;
    }
    if (tool === 'select') {
      if (target) {
        const id = target.getAttribute('data-id')!;
        let next = new Set(selected);
        if (e.shiftKey) {
          if (next.has(id)) next.delete(id);
          else next.add(id);
        } else if (!next.has(id)) next = new Set([id]);
        onSelect(next);
        const movable = [...next].filter((i) => {
          const o = store.get(i);
          return o && edits(o);
        });
        if (movable.length > 0) {
          model.endStep();
          setDragBoth({ kind: 'move', ids: movable, last: p, moved: false });
        }
      } else {
        setDragBoth({ kind: 'marquee', start: p, current: p, add: true });
      }
      return;
    }
    if (!adds) return;
    if (tool === 'connector') {
      const id = target?.getAttribute('data-id');
      const o = id ? store.get(id) : undefined;
      if (!o || !connectable(o)) return;
      if (connectFrom && connectFrom !== o.id) {
        // The second click of click-then-click.
        run(() => model.connect(connectFrom, o.id));
        setConnectFrom(null);
        return;
      }
      // Dragging from here to another shape connects them on release; a plain click starts click-then-click.
      setConnectFrom(o.id);
      setDragBoth({ kind: 'connect', from: o.id, current: p });
      return;
    }
    if (tool === 'pen') {
      setDragBoth({ kind: 'pen', points: [p.x, p.y] });
      return;
    }
    setDragBoth({ kind: 'create', type: tool, start: p, current: p });
  };

  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.pointerType === 'touch' && touchMove(e)) return;
    const p = toBoard(e.clientX, e.clientY);
    const now = performance.now();
    if (awareness && now - lastCursor.current > 50) {
      lastCursor.current = now;
      // One awareness update (one message) per tick: setLocalStateField twice would send two, 40 a second, over
      // the room server's 30 (it drops the excess).
      awareness.setLocalState({ ...awareness.getLocalState(), cursor: { x: Math.round(p.x), y: Math.round(p.y) }, activeAt: Date.now() });
    }
    const d = dragRef.current;
    if (!d) return;
    switch (d.kind) {
      case 'move': {
        const dx = p.x - d.last.x;
        const dy = p.y - d.last.y;
        if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) return;
        model.move(d.ids, dx, dy);
        dragRef.current = { ...d, last: p, moved: true };
        return;
      }
      case 'pan':
        setView({ ...d.view, x: d.view.x + e.clientX - d.start.x, y: d.view.y + e.clientY - d.start.y });
        return;
      case 'marquee':
      case 'create':
      case 'connect':
        setDragBoth({ ...d, current: p });
        return;
      case 'resize': {
        const w = Math.max(8, d.b.w + p.x - d.start.x);
        const h = Math.max(8, d.b.h + p.y - d.start.y);
        run(() => model.resize(d.id, { x: d.b.x, y: d.b.y, w, h }));
        return;
      }
      case 'pen':
        setDragBoth({ kind: 'pen', points: [...d.points, p.x, p.y] });
        return;
    }
  };

  const onPointerUp = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.pointerType === 'touch' && touchUp(e)) {
      setDragBoth(null);
      return;
    }
    const d = dragRef.current;
    setDragBoth(null);
    if (!d) return;
    if (d.kind === 'connect') {
      const o = objectAt(e);
      if (o && o.id !== d.from && connectable(o)) {
        run(() => model.connect(d.from, o.id));
        setConnectFrom(null);
      }
      return;
    }
    if (d.kind === 'move' || d.kind === 'resize') model.endStep();
    if (d.kind === 'marquee') {
      const r = normalize(d.start, d.current);
      if (r.w > 3 || r.h > 3) {
        const ids = new Set(selected);
        for (const o of objects) if (o.type !== 'connector' && intersects(r, bounds(o))) ids.add(o.id);
        onSelect(ids);
      }
    }
    if (d.kind === 'pen' && d.points.length >= 4) {
      run(() => model.create({ type: 'pen', points: d.points, color: '#23395b' }));
    }
    if (d.kind === 'create') {
      const r = normalize(d.start, d.current);
      const sized = r.w > 10 && r.h > 10;
      const spec = { type: d.type, x: d.start.x, y: d.start.y, ...(sized ? { x: r.x, y: r.y, w: r.w, h: r.h } : {}) };
      run(() => {
        const text = d.type === 'frame' ? t('board.newFrame') : undefined;
        const id = model.create({ ...spec, color: d.type === 'note' ? NOTE_COLORS[color] : undefined, text });
        onSelect(new Set([id]));
        // Typing right after drawing writes the note's text or labels the shape (a frame starts with its title).
        if (HAS_TEXT.has(d.type) && d.type !== 'frame') setEditing(id);
      });
      setTool('select');
    }
  };

  const onWheel = (e: React.WheelEvent<SVGSVGElement>) => {
    if (e.ctrlKey || e.metaKey) {
      const r = svgRef.current!.getBoundingClientRect();
      zoomAt(e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top);
    } else {
      setView((v) => ({ ...v, x: v.x - e.deltaX, y: v.y - e.deltaY }));
    }
  };

  // A board opens showing all of its content (a template's frames, a long session's notes), once per opening:
  // zoomed out as far as needed, never in beyond 100 %. After that the view is the person's own.
  const fittedOnOpen = useRef(false);
  useEffect(() => {
    const el = svgRef.current;
    // Measured here, not from `size`: that starts as a guess until the first layout.
    if (fittedOnOpen.current || objects.length === 0 || !el || el.clientWidth === 0) return;
    fittedOnOpen.current = true;
    const fitted = fitView(objects, { w: el.clientWidth, h: el.clientHeight }, 1);
    if (fitted) setView(fitted);
  }, [objects, size]);

  const zoomAt = (factor: number, sx: number, sy: number) => {
    setView((v) => {
      const s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, v.s * factor));
      return { s, x: sx - ((sx - v.x) / v.s) * s, y: sy - ((sy - v.y) / v.s) * s };
    });
  };

  const deleteSelected = () => run(() => {
    model.remove([...selected]);
    onSelect(new Set());
  });
  const duplicateSelected = () => run(() => onSelect(new Set(model.duplicate([...selected]))));

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editing) return;
    const mod = e.ctrlKey || e.metaKey;
    const keyTool = toolForKey(e);
    if (mod && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      if (e.shiftKey) model.redo();
      else model.undo();
    } else if (mod && e.key.toLowerCase() === 'y') {
      e.preventDefault();
      model.redo();
    } else if (mod && e.key.toLowerCase() === 'd') {
      e.preventDefault();
      duplicateSelected();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      deleteSelected();
    } else if (mod && e.key.toLowerCase() === 'a') {
      // Inside the board Ctrl+A selects the board's objects, not the page's text.
      e.preventDefault();
      onSelect(new Set(objects.map((o) => o.id)));
    } else if (e.key === '?') {
      e.preventDefault();
      setHelpOpen((open) => !open);
    } else if (keyTool && (adds || keyTool === 'select')) {
      e.preventDefault();
      pickTool(keyTool);
    } else if (e.key === 'Escape') {
      setHelpOpen(false);
      onSelect(new Set());
      setConnectFrom(null);
      setTool('select');
    } else if (e.key === 'Enter' && selected.size === 1) {
      const id = [...selected][0];
      const o = store.get(id);
      if (o && edits(o) && HAS_TEXT.has(o.type)) {
        e.preventDefault();
        setEditing(id);
      }
    } else if (e.key.startsWith('Arrow') && selected.size > 0) {
      e.preventDefault();
      const step = e.shiftKey ? 50 : 10;
      const dx = e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0;
      const dy = e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0;
      model.move([...selected], dx, dy);
    }
  };

  // Only what is on screen (plus a margin) is in the DOM: a board of thousands stays as cheap as the viewport.
  const visible = useMemo(() => {
    const m = 200 / view.s;
    return { x: -view.x / view.s - m, y: -view.y / view.s - m, w: size.w / view.s + 2 * m, h: size.h / view.s + 2 * m };
  }, [view, size]);
  const { frames, rest } = useMemo(() => {
    const fr: BoardObject[] = [];
    const others: BoardObject[] = [];
    for (const o of objects) {
      if (o.type === 'connector') {
        const a = o.from ? byId.get(o.from) : undefined;
        const b = o.to ? byId.get(o.to) : undefined;
        if (a && b && (intersects(visible, bounds(a)) || intersects(visible, bounds(b)))) others.push(o);
      } else if (selected.has(o.id) || intersects(visible, bounds(o))) {
        (o.type === 'frame' ? fr : others).push(o);
      }
    }
    return { frames: fr, rest: others };
  }, [objects, byId, visible, selected]);
  const detail = view.s >= 0.35;
  const single = selected.size === 1 ? store.get([...selected][0]) : undefined;
  const others = peers.filter((p) => !p.local);
  const editObj = editing ? byId.get(editing) : undefined;
  const selectedObjs = [...selected].map((id) => byId.get(id)).filter((o): o is BoardObject => !!o);

  // Why an object is locked, translated once per owner (not per object: a board has thousands).
  const lockedReason = useMemo(() => {
    const byOwner = new Map<string, string>();
    return (owner: string, byFacilitator?: boolean) => {
      if (!writable) return t('board.lockedObserver');
      if (byFacilitator) return t('board.lockedByFacilitator');
      let reason = byOwner.get(owner);
      if (reason === undefined) byOwner.set(owner, (reason = t('board.locked', { owner: names(owner) })));
      return reason;
    };
  }, [writable, t, names]);

  const renderObject = (o: BoardObject) =>
    o.type === 'connector' ? (
      <ConnectorView key={o.id} obj={o} from={o.from ? byId.get(o.from) : undefined} to={o.to ? byId.get(o.to) : undefined} selected={selected.has(o.id)} arrowId={svgIds.arrow} />
    ) : (
      <ObjectView key={o.id} obj={o} selected={selected.has(o.id)} editable={edits(o)} detail={detail}
        lockedReason={edits(o) ? undefined : lockedReason(o.owner, o.locked)} />
    );

  return (
    <div className="board">
      <input ref={imageInput} type="file" accept={IMAGE_TYPES.join(',')} hidden aria-hidden="true" tabIndex={-1}
        onChange={(e) => { if (e.target.files) void addImages(e.target.files, imageAt.current); e.target.value = ''; }} />
      <div className="toolbar" role="toolbar" aria-label={t('room.board')}>
        {TOOLS.map((k) => (
          <button key={k} type="button" className={tool === k ? 'active' : ''} aria-pressed={tool === k} title={`${t(`tool.${k}` as MessageKey)} (${keyOf(k)})`}
            aria-keyshortcuts={keyOf(k)}
            aria-label={t(`tool.${k}` as MessageKey)} data-tool={k} disabled={!adds && k !== 'select'}
            onClick={() => pickTool(k)}>
            <Icon name={k} />
          </button>
        ))}
        <span className="sep" />
        <label className="color-pick">
          <span className="sr-only">{t('tool.color')}</span>
          <select value={color} disabled={!writable} onChange={(e) => {
            const c = e.target.value as NoteColor;
            setColor(c);
            run(() => model.setColor([...selected].filter((id) => store.get(id)?.type === 'note'), NOTE_COLORS[c]));
          }}>
            {(Object.keys(NOTE_COLORS) as NoteColor[]).map((c) => <option key={c} value={c}>{t(`color.${c}` as MessageKey)}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => model.undo()} disabled={!writable} title={t('tool.undo')} aria-label={t('tool.undo')}><Icon name="undo" /></button>
        <button type="button" onClick={() => model.redo()} disabled={!writable} title={t('tool.redo')} aria-label={t('tool.redo')}><Icon name="redo" /></button>
        <button type="button" onClick={duplicateSelected} disabled={!adds || selected.size === 0} title={t('tool.duplicate')} aria-label={t('tool.duplicate')}><Icon name="duplicate" /></button>
        <button type="button" onClick={deleteSelected} disabled={!selectedObjs.some((o) => edits(o))} title={t('tool.delete')} aria-label={t('tool.delete')}><Icon name="delete" /></button>
        <button type="button" onClick={() => single && run(() => model.toggleVote(single.id))} disabled={!votes || !single} title={t('tool.vote')} aria-label={t('tool.vote')}><Icon name="vote" /></button>
        {model.actor.role === 'facilitator' && (() => {
          const allLocked = selectedObjs.length > 0 && selectedObjs.every((o) => o.locked);
          return (
            <button type="button" data-action="lock" aria-pressed={allLocked} disabled={selectedObjs.length === 0}
              title={t(allLocked ? 'tool.unlock' : 'tool.lock')} aria-label={t(allLocked ? 'tool.unlock' : 'tool.lock')}
              onClick={() => run(() => model.setLocked(selectedObjs.map((o) => o.id), !allLocked))}>
              <Icon name={allLocked ? 'lock' : 'unlock'} />
            </button>
          );
        })()}
        <span className="sep" />
        <button type="button" onClick={() => zoomAt(1.2, 300, 200)} title={t('tool.zoomIn')} aria-label={t('tool.zoomIn')}><Icon name="zoomIn" /></button>
        <button type="button" onClick={() => zoomAt(1 / 1.2, 300, 200)} title={t('tool.zoomOut')} aria-label={t('tool.zoomOut')}><Icon name="zoomOut" /></button>
        <button type="button" data-action="fit" onClick={() => {
          const fitted = fitView(objects, size);
          if (fitted) setView(fitted);
        }} title={t('tool.zoomFit')} aria-label={t('tool.zoomFit')}><Icon name="fit" /></button>
        <button type="button" data-action="zoom-reset" onClick={() => setView({ x: 40, y: 40, s: 1 })} title={t('tool.zoomReset')}>
          <GlyphLabel glyph={`${Math.round(view.s * 100)}%`} label={t('tool.zoomReset')} />
        </button>
        <button type="button" data-action="help" aria-expanded={helpOpen} aria-controls="board-help" title={`${t('board.shortcuts')} (?)`}
          aria-keyshortcuts="?" onClick={() => setHelpOpen((open) => !open)}>
          <GlyphLabel glyph="?" label={t('board.shortcuts')} />
        </button>
        {tool === 'connector' && <span className="hint">{t('tool.connectHint')}</span>}
        <span className="hint" role="status">{uploading > 0 ? t('image.uploading', { count: uploading }) : ''}</span>
      </div>
      {helpOpen && (
        <section id="board-help" className="board-help" aria-labelledby="board-help-heading">
          <h2 id="board-help-heading">{t('board.shortcuts')}</h2>
          <dl>
            {TOOLS.map((k) => (
              <div key={k}><dt><kbd>{keyOf(k)}</kbd></dt><dd>{t(`tool.${k}` as MessageKey)}</dd></div>
            ))}
            {([['Enter', 'board.key.edit'], ['Ctrl+A', 'board.key.selectAll'], ['Ctrl+D', 'tool.duplicate'], ['Delete', 'tool.delete'],
              ['Ctrl+Z', 'tool.undo'], ['Ctrl+Y', 'tool.redo'], ['← ↑ → ↓', 'board.key.move'], ['Esc', 'board.key.escape'], ['?', 'board.shortcuts']] as const)
              .map(([key, label]) => <div key={key}><dt><kbd>{key}</kbd></dt><dd>{t(label as MessageKey)}</dd></div>)}
          </dl>
          <button type="button" onClick={() => setHelpOpen(false)}>{t('board.close')}</button>
        </section>
      )}
      <svg ref={svgRef} className={`canvas tool-${tool}`} tabIndex={0} role="application" aria-label={t('board.label')}
        onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}
        onWheel={onWheel} onKeyDown={onKeyDown}
        onPaste={(e) => {
          if (!canAddImages || e.clipboardData.files.length === 0) return;
          e.preventDefault();
          void addImages(e.clipboardData.files, viewCentre());
        }}
        onDragOver={(e) => { if (canAddImages && e.dataTransfer.types.includes('Files')) e.preventDefault(); }}
        onDrop={(e) => {
          if (!canAddImages || e.dataTransfer.files.length === 0) return;
          e.preventDefault();
          void addImages(e.dataTransfer.files, toBoard(e.clientX, e.clientY));
        }}
        onDoubleClick={(e) => {
          const o = objectAt(e);
          if (o && edits(o) && HAS_TEXT.has(o.type)) setEditing(o.id);
        }}>
        <defs>
          <pattern id={svgIds.grid} width={24 * view.s} height={24 * view.s} patternUnits="userSpaceOnUse" x={view.x} y={view.y}>
            <circle cx={1} cy={1} r={1} className="grid-dot" />
          </pattern>
          <marker id={svgIds.arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#36454f" />
          </marker>
        </defs>
        <rect className="grid" width="100%" height="100%" fill={`url(#${svgIds.grid})`} />
        <g transform={`translate(${view.x} ${view.y}) scale(${view.s})`}>
          {frames.map(renderObject)}
          {rest.map(renderObject)}
          {selectedObjs.map((o) => {
            const b = bounds(o);
            return <rect key={'sel-' + o.id} className="selection-box" x={b.x - 4} y={b.y - 4} width={b.w + 8} height={b.h + 8} />;
          })}
          {single && single.type !== 'connector' && single.type !== 'pen' && edits(single) && (
            <rect data-handle={single.id} className="resize-handle" x={single.x + single.w - 6} y={single.y + single.h - 6} width={12} height={12} />
          )}
          {drag?.kind === 'connect' && byId.get(drag.from) && (() => {
            const b = bounds(byId.get(drag.from)!);
            return <line className="connect-preview" x1={b.x + b.w / 2} y1={b.y + b.h / 2} x2={drag.current.x} y2={drag.current.y} />;
          })()}
          {connectFrom && byId.get(connectFrom) && (() => {
            const b = bounds(byId.get(connectFrom)!);
            return <rect className="connect-from" x={b.x - 6} y={b.y - 6} width={b.w + 12} height={b.h + 12} />;
          })()}
          {others.map((p) => p.selection.map((id) => {
            const o = byId.get(id);
            if (!o) return null;
            const b = bounds(o);
            return <rect key={`${p.clientId}-${id}`} className="peer-selection" stroke={p.color} x={b.x - 6} y={b.y - 6} width={b.w + 12} height={b.h + 12} />;
          }))}
          {drag?.kind === 'marquee' && (() => {
            const r = normalize(drag.start, drag.current);
            return <rect className="marquee" x={r.x} y={r.y} width={r.w} height={r.h} />;
          })()}
          {drag?.kind === 'create' && (() => {
            const r = normalize(drag.start, drag.current);
            return <rect className="marquee" x={r.x} y={r.y} width={r.w} height={r.h} />;
          })()}
          {drag?.kind === 'pen' && <path d={strokePath(drag.points)} fill="#23395b" />}
          <PeerCursors peers={others} scale={view.s} />
          {editObj && (
            <foreignObject x={editObj.x} y={editObj.y} width={Math.max(editObj.w, 120)} height={Math.max(editObj.type === 'frame' ? 44 : editObj.h, 40)}>
              <textarea className="inline-editor" aria-label={t('board.editNote')} autoFocus defaultValue={editObj.text}
                onKeyDown={(e) => {
                  if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
                    e.preventDefault();
                    setEditing(null);
                    svgRef.current?.focus();
                  }
                  e.stopPropagation();
                }}
                onPointerDown={(e) => e.stopPropagation()}
                onChange={(e) => run(() => model.setText(editObj.id, e.target.value))}
                onBlur={() => { model.endStep(); setEditing(null); }} />
            </foreignObject>
          )}
        </g>
      </svg>
      <p className="sr-only" aria-live="polite">{single ? `${t(`type.${single.type}` as MessageKey)} · ${names(single.owner)}` : ''}</p>
    </div>
  );
});
