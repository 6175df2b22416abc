import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { ProposalsSection } from '../followup/ProposalsSection';
import { AgendaSection } from './AgendaSection';
import { BreakoutsSection } from './BreakoutsSection';
import { ExportsSection } from './ExportsSection';
import { RevealControl, type PrivateBoardRef } from '../privatenotes/RevealControl';
import { PHASES, remaining, type WorkshopModel } from './model';
import { PhaseRulesSection } from './PhaseRulesSection';
import { PollsSection, type VoteTarget } from './PollsSection';
import { QuestionsSection } from './QuestionsSection';
import { StatementsSection } from './StatementsSection';
import { clock, useSecondTicks, useWorkshopSnapshot } from './useWorkshop';

interface Props {
  roomId: string;
  /** The room's rules as the server states them (RoomRecord.rules). */
  rules?: { statementMaxLength: number };
  model: WorkshopModel;
  names: (id: string) => string;
  onError: (m: string) => void;
  /** The board objects selected now, for a dot vote. */
  selection?: VoteTarget[];
  /** The frames selected now, for breakouts. */
  frames?: VoteTarget[];
  navigate: (path: string) => void;
  /** Opens someone's private board, read-only, where the room lets facilitators read them. */
  onViewPrivate: (b: PrivateBoardRef | null) => void;
}

/** The workshop tab: phase, timer, agenda, questions, votes and statements (the session bar shows the essentials to everyone). */
export function WorkshopPanel({ roomId, rules, model, names, onError, selection = [], frames = [], navigate, onViewPrivate }: Props) {
  const { t } = useI18n();
  const s = useWorkshopSnapshot(model);
  const [timerMinutes, setTimerMinutes] = useState(5);
  const fac = model.facilitator;

  useSecondTicks(s.timer.running);

  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
  const left = remaining(s.timer);

  return (
    <div className="workshop">
      <section aria-labelledby="ws-phase">
        <h2 id="ws-phase">{t('workshop.phase')}</h2>
        <div className="phases" role="group" aria-label={t('workshop.phase')}>
          {PHASES.map((p) => (
            <button key={p} type="button" aria-pressed={s.phase === p} className={s.phase === p ? 'active' : ''} disabled={!fac}
              onClick={() => attempt(() => model.setPhase(p))}>{t(`workshop.phase.${p}` as MessageKey)}</button>
          ))}
        </div>
        {!fac && <p className="muted">{t('workshop.facilitatorOnly')}</p>}
        {fac && <RevealControl roomId={roomId} seeing={s.facilitatorsSeePrivateNotes ?? false} onView={onViewPrivate} />}
      </section>
      <section aria-labelledby="ws-timer">
        <h2 id="ws-timer">{t('workshop.timer')}</h2>
        <p className={`timer${s.timer.running ? ' running' : ''}`} role="timer" aria-live="off">{clock(left)}</p>
        {fac && (
          <div className="row">
            {s.timer.running
              ? <button type="button" onClick={() => attempt(() => model.pauseTimer())}>{t('workshop.pause')}</button>
              : <button type="button" disabled={left === 0} onClick={() => attempt(() => model.startTimer(left))}>{t('session.resume')}</button>}
            <label>{t('workshop.timerMinutes')}
              <input type="number" min={1} max={240} className="narrow" value={timerMinutes}
                onChange={(e) => setTimerMinutes(Number(e.target.value) || 1)} /></label>
            <button type="button" onClick={() => attempt(() => model.startTimer(timerMinutes * 60))}>{t('workshop.startTimer')}</button>
            <button type="button" onClick={() => attempt(() => { model.startTimer(0); model.pauseTimer(); })}>{t('workshop.endTimer')}</button>
          </div>
        )}
      </section>
      <AgendaSection model={model} s={s} attempt={attempt} />
      <PhaseRulesSection model={model} s={s} attempt={attempt} />
      <BreakoutsSection roomId={roomId} model={model} s={s} frames={frames} names={names} navigate={navigate} />
      <QuestionsSection roomId={roomId} model={model} s={s} names={names} attempt={attempt} />
      <PollsSection roomId={roomId} model={model} s={s} selection={selection} attempt={attempt} />
      <StatementsSection roomId={roomId} maxLength={rules?.statementMaxLength} model={model} s={s} attempt={attempt} />
      <ProposalsSection roomId={roomId} model={model} s={s} />
      <ExportsSection roomId={roomId} />
    </div>
  );
}
