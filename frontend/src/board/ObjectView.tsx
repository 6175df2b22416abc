import { getStroke } from 'perfect-freehand';
import { memo, useMemo } from 'react';
import { connectorEnds } from './geometry';
import { NOTE_TEXT, wrap } from './textLayout';
import type { BoardObject } from './model';


function Lines({ text, x, y, w, h, size, anchor = 'start', weight }: {
  text: string; x: number; y: number; w: number; h: number; size: number; anchor?: 'start' | 'middle'; weight?: number;
}) {
  const lines = useMemo(() => wrap(text, w - 16, size), [text, w, size]);
  const max = Math.max(1, Math.floor((h - 12) / (size * 1.25)));
  const shown = lines.slice(0, max);
  const tx = anchor === 'middle' ? x + w / 2 : x + 8;
  return (
    <text x={tx} y={y + 8 + size} fontSize={size} textAnchor={anchor} fontWeight={weight} className="obj-text">
      {shown.map((l, i) => (
        <tspan key={i} x={tx} dy={i === 0 ? 0 : size * 1.25}>
          {i === max - 1 && lines.length > max ? l.slice(0, Math.max(0, l.length - 1)) + '…' : l}
        </tspan>
      ))}
    </text>
  );
}

/** The SVG path of a perfect-freehand stroke through flat [x, y, ...] points. */
export function strokePath(points: readonly number[], size = 4): string {
  const input: [number, number][] = [];
  for (let i = 0; i + 1 < points.length; i += 2) input.push([points[i], points[i + 1]]);
  const outline = getStroke(input, { size, thinning: 0.5, smoothing: 0.5, streamline: 0.5 });
  if (outline.length === 0) return '';
  let d = `M${outline[0][0].toFixed(1)},${outline[0][1].toFixed(1)}`;
  for (let i = 1; i < outline.length; i++) d += `L${outline[i][0].toFixed(1)},${outline[i][1].toFixed(1)}`;
  return d + 'Z';
}

interface Props {
  obj: BoardObject;
  selected: boolean;
  editable: boolean;
  /** Text and badges; off when zoomed far out (unreadable there, and thousands of text nodes are slow). */
  detail?: boolean;
  /** Why this person may not change the object (shown on hover, with a lock when selected); absent when they may. */
  lockedReason?: string;
}

/** One board object. Memoised: it renders again only when its own snapshot or selection changes. */
export const ObjectView = memo(function ObjectView({ obj, selected, editable, detail = true, lockedReason }: Props) {
  const body = objectBody(obj, selected, editable, detail);
  if (obj.locked && !lockedReason && body) {
    // The facilitator who locked it still edits it; the lock shows so they know others cannot.
    return <g className="locked-object">{body}<LockBadge x={obj.x + obj.w - 10} y={obj.y - 10} /></g>;
  }
  if (!lockedReason || !body) return body;
  // Things a person may not change look like it: a tooltip with the reason, and a lock while selected.
  return (
    <g className="locked-object">
      <title>{lockedReason}</title>
      {body}
      {(selected || obj.locked) && <LockBadge x={obj.x + obj.w - 10} y={obj.y - 10} />}
    </g>
  );
});

function LockBadge({ x, y }: { x: number; y: number }) {
  return (
    <g className="lock-badge" transform={`translate(${x} ${y})`} aria-hidden="true">
      <circle r={11} />
      <path d="M-4,-1 v-3 a4,4 0 0 1 8,0 v3" fill="none" />
      <rect x={-5.5} y={-1} width={11} height={8} rx={1.5} />
    </g>
  );
}

function objectBody(obj: BoardObject, selected: boolean, editable: boolean, detail: boolean) {
  const common = { 'data-id': obj.id, className: `obj obj-${obj.type}${selected ? ' selected' : ''}${editable ? '' : ' locked'}` };
  switch (obj.type) {
    case 'note':
      return (
        <g {...common}>
          <rect x={obj.x + 3} y={obj.y + 4} width={obj.w} height={obj.h} className="note-shadow" />
          <rect x={obj.x} y={obj.y} width={obj.w} height={obj.h} fill={obj.color} className="note-body" />
          {detail && <Lines text={obj.text} x={obj.x} y={obj.y} w={obj.w} h={obj.h - 14} size={NOTE_TEXT.size} />}
          {detail && obj.votes.length > 0 && (
            <g className="vote-badge">
              <circle cx={obj.x + obj.w - 14} cy={obj.y + obj.h - 14} r={11} />
              <text x={obj.x + obj.w - 14} y={obj.y + obj.h - 10} textAnchor="middle" fontSize={12}>
                {obj.votes.length}
              </text>
            </g>
          )}
        </g>
      );
    case 'text':
      return (
        <g {...common}>
          <rect x={obj.x} y={obj.y} width={obj.w} height={obj.h} className="hit" />
          {detail ? <Lines text={obj.text} x={obj.x - 8} y={obj.y - 8} w={obj.w + 16} h={obj.h + 16} size={18} />
            : <rect x={obj.x} y={obj.y + obj.h / 3} width={obj.w * 0.8} height={obj.h / 3} className="text-placeholder" />}
        </g>
      );
    case 'rect':
    case 'ellipse':
      // The label sits inside the shape; an ellipse's usable box is about 70% of its bounds.
      return (
        <g {...common}>
          {obj.type === 'rect'
            ? <rect x={obj.x} y={obj.y} width={obj.w} height={obj.h} rx={6} stroke={obj.color} className="shape" />
            : <ellipse cx={obj.x + obj.w / 2} cy={obj.y + obj.h / 2} rx={obj.w / 2} ry={obj.h / 2} stroke={obj.color} className="shape" />}
          {detail && obj.text && (obj.type === 'rect'
            ? <Lines text={obj.text} x={obj.x} y={obj.y + Math.max(0, obj.h / 2 - 22)} w={obj.w} h={Math.min(obj.h, obj.h / 2 + 22)} size={NOTE_TEXT.size} anchor="middle" />
            : <Lines text={obj.text} x={obj.x + obj.w * 0.15} y={obj.y + Math.max(obj.h * 0.15, obj.h / 2 - 22)} w={obj.w * 0.7}
                h={Math.min(obj.h * 0.7, obj.h / 2 + 22)} size={NOTE_TEXT.size} anchor="middle" />)}
        </g>
      );
    case 'frame':
      return (
        <g {...common}>
          <rect x={obj.x} y={obj.y} width={obj.w} height={obj.h} fill={obj.color} className="frame-body" rx={10} />
          <Lines text={obj.text} x={obj.x} y={obj.y} w={obj.w} h={40} size={20} weight={600} />
        </g>
      );
    case 'image':
      return (
        <g {...common}>
          <rect x={obj.x} y={obj.y} width={obj.w} height={obj.h} className="image-frame" />
          {obj.url && <image href={obj.url} x={obj.x} y={obj.y} width={obj.w} height={obj.h} preserveAspectRatio="xMidYMid meet" />}
        </g>
      );
    case 'pen':
      return <PenView obj={obj} className={common.className} />;
    default:
      return null;
  }
}

const PenView = memo(function PenView({ obj, className }: { obj: BoardObject; className: string }) {
  const d = useMemo(() => strokePath(obj.points ?? []), [obj.points]);
  return <path data-id={obj.id} className={className} d={d} fill={obj.color} />;
});

/** A connector drawn between the borders of the shapes it joins; hidden while an end is missing. */
export const ConnectorView = memo(function ConnectorView({ obj, from, to, selected, arrowId = 'arrow' }: {
  obj: BoardObject; from?: BoardObject; to?: BoardObject; selected: boolean;
  /** The id of its board's arrow marker: each board on the page has its own (a private board beside the room's). */
  arrowId?: string;
}) {
  if (!from || !to) return null;
  const [p, q] = connectorEnds(from, to);
  return (
    <g data-id={obj.id} className={`obj obj-connector${selected ? ' selected' : ''}`}>
      <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} className="connector-hit" />
      <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} stroke={obj.color} className="connector-line" markerEnd={`url(#${arrowId})`} />
    </g>
  );
});
