import { useEffect, useState } from 'react';
import type { Peer } from '../sync/peers';

/** How long after a person's last move their name tag fades (the arrow stays, fainter). */
export const IDLE_AFTER_MS = 5_000;

/** True when the person has not moved for {@code IDLE_AFTER_MS}. */
export function isIdle(peer: Pick<Peer, 'activeAt'>, now: number): boolean {
  return now - peer.activeAt > IDLE_AFTER_MS;
}

/**
 * Others' cursors with their names. A name tag fades once its person is idle, so tags of people who stepped away
 * do not sit on notes' text. Ticks once a second on its own (only while someone has a cursor here), so the board
 * itself does not re-render for the fading.
 */
export function PeerCursors({ peers, scale }: { peers: Peer[]; scale: number }) {
  const withCursor = peers.filter((p) => p.cursor);
  const [now, setNow] = useState(() => Date.now());
  const any = withCursor.length > 0;
  useEffect(() => {
    if (!any) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [any]);
  return (
    <>
      {withCursor.map((p) => (
        <g key={'cur-' + p.clientId} className={`peer-cursor${isIdle(p, now) ? ' idle' : ''}`}
          transform={`translate(${p.cursor!.x} ${p.cursor!.y}) scale(${1 / scale})`} data-peer={p.name}>
          <path d="M0,0 L0,18 L5,13 L9,21 L12,20 L8,12 L14,12 z" fill={p.color} stroke="white" strokeWidth={1} />
          <g className="peer-tag">
            <rect x={14} y={16} rx={4} width={p.name.length * 7.5 + 12} height={20} fill={p.color} />
            <text x={20} y={30} fontSize={12} fill="white">{p.name}</text>
          </g>
        </g>
      ))}
    </>
  );
}
