import { useEffect, useState } from 'react';
import type { WorkshopModel, WorkshopSnapshot } from './model';

/** The workshop as it is now, re-rendered on every change of the document. */
export function useWorkshopSnapshot(model: WorkshopModel): WorkshopSnapshot {
  const [snap, setSnap] = useState(() => model.snapshot());
  useEffect(() => {
    setSnap(model.snapshot());
    return model.observe(() => setSnap(model.snapshot()));
  }, [model]);
  return snap;
}

/** A re-render every second while `running` (a timer on screen). */
export function useSecondTicks(running: boolean): void {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!running) return undefined;
    const h = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(h);
  }, [running]);
}

/** Seconds as m:ss. */
export function clock(sec: number): string {
  return `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
}
