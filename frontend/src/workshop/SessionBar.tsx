import { useEffect, useRef, useState, type ReactNode } from 'react';
import { inViewerLanguage } from '../i18n/contentText';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { serverNow } from '../sync/serverClock';
import { phaseAllows, remaining, type WorkshopModel, type WorkshopSnapshot } from './model';
import { castAnonymously, onAnonymousBallot } from './anonymousBallots';
import { openVote, signals } from './sessionSignals';
import { clock, useSecondTicks, useWorkshopSnapshot } from './useWorkshop';

/**
 * The session bar at the top of the room (docs/frontend.md, "Session bar"): everyone sees the agenda item under
 * way, the phase, the timer (against the server's clock) and a vote they have not cast yet, and hears when the item
 * or phase changes, a vote opens or time is up. Facilitators run the session from here: next item, pause or resume,
 * one more minute. The room server enforces who may change what (docs/rooms.md, "Roles and permissions").
 */
export function SessionBar({ model, onOpenWorkshop, children }: { model: WorkshopModel; onOpenWorkshop: () => void; children?: ReactNode }) {
  const { t } = useI18n();
  const s = useWorkshopSnapshot(model);
  useSecondTicks(s.timer.running);
  const left = remaining(s.timer, serverNow());
  const [said, setSaid] = useState('');
  const [timeUp, setTimeUp] = useState(false);
  const previous = useRef<{ snap: WorkshopSnapshot; left: number } | undefined>(undefined);

  useEffect(() => {
    const found = signals(previous.current?.snap, s, serverNow(), previous.current?.left);
    previous.current = { snap: s, left };
    if (found.length === 0) {
      if (!(s.timer.running && left === 0)) setTimeUp(false);
      return;
    }
    const words = found.map((x) => {
      switch (x.kind) {
        case 'item': return t('session.nowItem', { title: inViewerLanguage(s.agenda[x.index].title, s.agenda[x.index].tpl, t), minutes: s.agenda[x.index].minutes });
        case 'phase': return t('session.nowPhase', { phase: t(`workshop.phase.${x.phase}` as MessageKey) });
        case 'vote': return t('session.voteOpened', { question: s.polls.find((p) => p.id === x.pollId)?.question ?? '' });
        case 'voteClosed': return t('session.voteClosed', { question: s.polls.find((p) => p.id === x.pollId)?.question ?? '' });
        case 'timeUp': return t('session.timeUp');
      }
    });
    if (found.some((x) => x.kind === 'timeUp')) setTimeUp(true);
    setSaid(words.join(' '));
  }, [s, left, t]);

  const fac = model.facilitator;
  const item = s.current >= 0 ? s.agenda[s.current] : undefined;
  const next = s.current + 1 < s.agenda.length ? s.current + 1 : -1;
  // Observers may not vote (the server refuses it): the bar does not invite them. A dialogue seat votes: its
  // workshop role is a participant's (room/Room.tsx, workshopRole).
  const [, ballotsChanged] = useState(0);
  useEffect(() => onAnonymousBallot(() => ballotsChanged((n) => n + 1)), []);
  const vote = model.actor.role === 'observer' || !phaseAllows(s, model.actor.role, 'vote') ? undefined
    : openVote(s, model.actor.userId, castAnonymously);
  const attempt = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      setSaid(e instanceof Error ? e.message : String(e));
    }
  };
  if (s.agenda.length === 0 && !s.timer.running && s.polls.length === 0 && !fac && !s.leader) return null;

  return (
    <section className={`session-bar${timeUp ? ' time-up' : ''}`} aria-label={t('session.bar')}>
      <span className="session-item" data-current={s.current}>
        {item ? t('session.item', { n: s.current + 1, of: s.agenda.length, title: inViewerLanguage(item.title, item.tpl, t) })
          : t('session.notStarted')}
      </span>
      <span className="session-phase">{t('session.phase', { phase: t(`workshop.phase.${s.phase}` as MessageKey) })}</span>
      {/* Said to those the rule holds; facilitators are not held by phases (they read the rules in the Workshop tab). */}
      {s.allowed && !model.facilitator && (
        <span className="session-allowed" data-allowed={s.allowed.join(' ')}>
          {s.allowed.length === 0 ? t('session.allowedNothing')
            : t('session.allowed', { list: s.allowed.map((a) => t(`activity.${a}` as MessageKey)).join(', ') })}
        </span>
      )}
      <span className={`session-timer${s.timer.running ? ' running' : ''}`} role="timer" aria-label={t('session.timeLeft', { time: clock(left) })}>
        {clock(left)}
      </span>
      {vote && (
        <button type="button" className="session-vote" onClick={onOpenWorkshop}>{t('session.vote', { question: vote.question })}</button>
      )}
      {fac && (
        <span className="session-controls">
          <button type="button" disabled={next < 0} onClick={() => attempt(() => model.startItem(next))}>
            {s.current < 0 ? t('session.start') : t('session.next')}
          </button>
          {s.timer.running
            ? <button type="button" onClick={() => attempt(() => model.pauseTimer())}>{t('workshop.pause')}</button>
            : <button type="button" disabled={left === 0} onClick={() => attempt(() => model.startTimer(left))}>{t('session.resume')}</button>}
          <button type="button" onClick={() => attempt(() => model.extendTimer(60))}>{t('session.extend')}</button>
        </span>
      )}
      {children}
      <span className="sr-only" role="status" aria-live="polite">{said}</span>
      {timeUp && <span className="session-alert" role="alert">{t('session.timeUp')}</span>}
    </section>
  );
}
