import { useState } from 'react';
import { bringBreakoutsBack, roomPeople, startBreakouts } from '../app/api';
import { useI18n } from '../i18n/i18n';
import type { WorkshopModel, WorkshopSnapshot } from './model';
import type { VoteTarget } from './PollsSection';

interface Props {
  roomId: string;
  model: WorkshopModel;
  s: WorkshopSnapshot;
  /** The frames selected on the board now: one group each. */
  frames: VoteTarget[];
  names: (id: string) => string;
  navigate: (path: string) => void;
}

/**
 * Breakouts (docs/dialogue.md, "Breakouts"): a facilitator turns the selected frames into groups, shares out the
 * people who joined, and later brings everyone back; the server seeds each group's room from its frame and copies
 * its board back. Everyone sees the groups and who is in which.
 */
export function BreakoutsSection({ roomId, model, s, frames, names, navigate }: Props) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(15);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  const fac = model.facilitator;
  const open = s.breakouts.filter((b) => b.state === 'open');
  if (!fac && s.breakouts.length === 0) return null;

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setSaid(await work());
    } catch (e) {
      setSaid(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () => act(async () => {
    // Everyone who joined but the facilitator, shared out in turn (facilitators may enter every group).
    const people = (await roomPeople(roomId)).filter((p) => p.id !== model.actor.userId);
    if (people.length === 0) return t('breakouts.noPeople');
    const groups = frames.map((f) => ({ frame: f.id, members: [] as string[] }));
    people.forEach((p, i) => groups[i % groups.length].members.push(p.id));
    const started = await startBreakouts(roomId, groups.filter((g) => g.members.length > 0), minutes);
    return t('breakouts.started', { count: started.length });
  });
  const back = () => act(async () => {
    const r = await bringBreakoutsBack(roomId);
    return t('breakouts.returned', { groups: r.groups, objects: r.objects });
  });

  return (
    <section aria-labelledby="ws-breakouts">
      <h2 id="ws-breakouts">{t('breakouts.heading')}</h2>
      {fac && open.length === 0 && (
        <form className="row" onSubmit={(e) => { e.preventDefault(); void start(); }}>
          <p className="muted grow">{frames.length === 0 ? t('breakouts.hint') : t('breakouts.selected', { count: frames.length })}</p>
          <label>{t('breakouts.minutes')}
            <input type="number" name="breakout-minutes" min={1} max={240} className="narrow" value={minutes}
              onChange={(e) => setMinutes(Number(e.target.value) || 1)} /></label>
          <button type="submit" disabled={busy || frames.length === 0}>{t('breakouts.start')}</button>
        </form>
      )}
      {s.breakouts.length > 0 && (
        <ul className="breakouts">
          {s.breakouts.map((b) => (
            <li key={b.id} data-state={b.state}>
              <strong>{b.title}</strong> <span className="muted">({t(b.state === 'open' ? 'breakouts.state.open' : 'breakouts.state.returned')})</span>
              {': '}{b.members.map(names).join(', ')}
              {b.state === 'open' && (fac || b.members.includes(model.actor.userId)) && (
                <button type="button" className="link" onClick={() => navigate(`/rooms/${b.room}`)}>{t('breakouts.open')}</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {fac && open.length > 0 && <button type="button" disabled={busy} onClick={() => void back()}>{t('breakouts.back')}</button>}
      <p role="status" className="muted">{said}</p>
    </section>
  );
}
