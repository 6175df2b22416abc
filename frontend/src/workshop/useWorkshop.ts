import { useEffect, useState } from 'react';
import type { Summon, WorkshopModel, WorkshopSnapshot } from './model';

/**
 * A value read from the workshop document (`select` on its snapshot), re-rendered on every change of the document;
 * undefined while there is no document yet. The one subscription every workshop view uses.
 */
export function useWorkshopValue<T>(model: WorkshopModel | undefined, select: (s: WorkshopSnapshot) => T): T | undefined {
  const [value, setValue] = useState(() => (model ? select(model.snapshot()) : undefined));
  useEffect(() => {
    if (!model) return undefined;
    const read = () => setValue(select(model.snapshot()));
    read();
    return model.observe(read);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model]);
  return value;
}

/** The workshop as it is now. */
export function useWorkshopSnapshot(model: WorkshopModel): WorkshopSnapshot {
  return useWorkshopValue(model, (s) => s) ?? model.snapshot();
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

/** The room's phase now (or undefined while the workshop document is not there). */
export function usePhase(model: WorkshopModel | undefined): string | undefined {
  return useWorkshopValue(model, (s) => s.phase);
}

/** Who leads (follow me) and the latest summon. */
export function useLeadership(model: WorkshopModel | undefined): { leader?: string; summon?: Summon } {
  return useWorkshopValue(model, (s) => ({ leader: s.leader, summon: s.summon })) ?? {};
}
