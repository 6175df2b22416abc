import { useEffect, useState } from 'react';
import { castBallot, HttpError, myBallot } from '../app/api';
import { useI18n } from '../i18n/i18n';
import { rememberAnonymousBallot } from './anonymousBallots';
import { dotsOf, phaseAllows, ranking, type Poll, type WorkshopModel, type WorkshopSnapshot } from './model';

/** A board object put to a dot vote: its id and the words it shows. */
export interface VoteTarget { id: string; label: string }

interface Props {
  roomId: string;
  model: WorkshopModel;
  s: WorkshopSnapshot;
  /** What is selected on the board now: a facilitator puts it to a dot vote. */
  selection: VoteTarget[];
  attempt: (fn: () => void) => void;
}

/**
 * Votes: choice polls and dot votes with a budget. Facilitators open, close, reopen, reveal and delete them; the room
 * server refuses a ballot off the description, over the budget or after closing (docs/rooms.md, "Polls and dot votes").
 */
export function PollsSection({ roomId, model, s, selection, attempt }: Props) {
  const { t } = useI18n();
  const fac = model.facilitator;
  const [kind, setKind] = useState<'choice' | 'dots'>('choice');
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [budget, setBudget] = useState(3);
  const [anonymous, setAnonymous] = useState(false);

  return (
    <section aria-labelledby="ws-polls">
      <h2 id="ws-polls">{t('workshop.polls')}</h2>
      {s.polls.length === 0 && <p className="muted">{t('workshop.noPolls')}</p>}
      {s.polls.map((p) => <PollCard key={p.id} roomId={roomId} p={p} model={model} attempt={attempt} phaseOpen={phaseAllows(s, model.actor.role, 'vote')} />)}
      {fac && (
        <form className="stack new-poll" onSubmit={(e) => {
          e.preventDefault();
          if (!question.trim()) return;
          if (kind === 'dots') {
            attempt(() => model.openDotVote(question.trim(), selection, budget, anonymous));
          } else {
            const list = options.split(',').map((o) => o.trim()).filter(Boolean);
            if (list.length < 2) return;
            attempt(() => model.openPoll(question.trim(), list, anonymous));
          }
          setQuestion('');
          setOptions('');
        }}>
          <fieldset className="row">
            <legend>{t('workshop.pollKind')}</legend>
            <label><input type="radio" name="poll-kind" checked={kind === 'choice'} onChange={() => setKind('choice')} /> {t('workshop.kindChoice')}</label>
            <label><input type="radio" name="poll-kind" checked={kind === 'dots'} onChange={() => setKind('dots')} /> {t('workshop.kindDots')}</label>
          </fieldset>
          <label>{t('workshop.newPoll')}<input name="poll-question" value={question} onChange={(e) => setQuestion(e.target.value)} /></label>
          {kind === 'choice' ? (
            <label>{t('workshop.pollOptions')}<input name="poll-options" value={options} onChange={(e) => setOptions(e.target.value)} /></label>
          ) : (
            <>
              <label>{t('workshop.budget')}<input name="poll-budget" type="number" min={1} max={20} className="narrow" value={budget}
                onChange={(e) => setBudget(Number(e.target.value) || 1)} /></label>
              <p className="muted" role="status">{selection.length === 0 ? t('workshop.selectTargets') : t('workshop.targetsSelected', { count: selection.length })}</p>
            </>
          )}
          <label><input type="checkbox" name="poll-anonymous" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('workshop.anonymous')}</label>
          <button type="submit" disabled={kind === 'dots' && selection.length === 0}>{t('workshop.openPoll')}</button>
        </form>
      )}
    </section>
  );
}

function PollCard({ roomId, p, model, attempt, phaseOpen }: {
  roomId: string; p: Poll; model: WorkshopModel; attempt: (fn: () => void) => void;
  /** Does the phase under way allow voting (docs/rooms.md, "Phases")? */
  phaseOpen: boolean;
}) {
  const { t } = useI18n();
  const me = model.actor.userId;
  const fac = model.facilitator;
  const votes = model.actor.role !== 'observer' && p.state === 'open' && phaseOpen;
  const showResult = fac || p.revealed;
  // An anonymous poll's own ballot is not in the document: the server keeps it and tells only its owner.
  const [secret, setSecret] = useState<string | string[] | null>(null);
  useEffect(() => {
    if (!p.anonymous || model.actor.role === 'observer') return;
    let stopped = false;
    myBallot(roomId, p.id).then((b) => {
      if (stopped) return;
      setSecret(b.ballot);
      rememberAnonymousBallot(p.id, b.ballot !== null && b.ballot !== undefined);
    }, () => {});
    return () => { stopped = true; };
  }, [roomId, p.id, p.anonymous, model.actor.role]);
  // Shown at once (as a vote in the document is), then as the server kept it; a refusal shows why and the server's ballot.
  const sendSecret = (ballot: string | string[] | null) => {
    const before = secret;
    setSecret(ballot);
    return castBallot(roomId, p.id, ballot).then(
      (b) => { setSecret(b.ballot); rememberAnonymousBallot(p.id, b.ballot !== null && b.ballot !== undefined); },
      (e) => {
        setSecret(before);
        attempt(() => { throw new Error(e instanceof HttpError ? e.message : String(e)); });
      });
  };
  const mine = p.anonymous ? (Array.isArray(secret) ? secret : []) : dotsOf(p, me);
  const choice = p.anonymous ? (typeof secret === 'string' ? secret : undefined) : p.votes[me];
  const voters = p.anonymous ? (p.voters ?? 0) : Object.keys(p.votes).length;
  const vote = (o: string) => (p.anonymous ? void sendSecret(o) : attempt(() => model.vote(p.id, o)));
  const dot = (target: string, by: 1 | -1) => {
    if (!p.anonymous) return attempt(() => model.moveDot(p.id, target, by));
    const next = [...mine];
    if (by > 0) next.push(target);
    else next.splice(next.lastIndexOf(target), 1);
    void sendSecret(next);
  };

  return (
    <fieldset className={`poll ${p.state}`} data-poll={p.id}>
      <legend>{p.question} <span className="badge">{t(p.state === 'open' ? 'workshop.pollOpen' : 'workshop.pollClosed')}</span>
        {p.anonymous && <span className="badge">{t('workshop.anonymousBadge')}</span>}</legend>
      {p.kind === 'choice' && p.options.map((o) => (
        <label key={o} className="poll-option">
          <input type="radio" name={`poll-${p.id}`} checked={choice === o} disabled={!votes} onChange={() => vote(o)} />
          {o}
          {choice === o && <span className="sr-only">{t('workshop.yourVote')}</span>}
        </label>
      ))}
      {p.kind === 'dots' && (
        <>
          <p className="muted" role="status">{t('workshop.dotsLeft', { left: Math.max(0, p.budget - mine.length), budget: p.budget })}</p>
          <ul className="dot-targets">
            {p.targets.map((target, i) => {
              const label = p.labels[i] || target;
              const here = mine.filter((d) => d === target).length;
              return (
                <li key={target}>
                  <span>{label}</span> <span className="dots" aria-hidden="true">{'●'.repeat(here)}</span>
                  <span className="sr-only">{t('workshop.yourDots', { count: here })}</span>
                  <button type="button" className="link" disabled={!votes || mine.length >= p.budget}
                    aria-label={t('workshop.addDot', { label })} onClick={() => dot(target, 1)}>+</button>
                  <button type="button" className="link" disabled={!votes || here === 0}
                    aria-label={t('workshop.removeDot', { label })} onClick={() => dot(target, -1)}>−</button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p className="muted">{t('workshop.voters', { count: voters })}</p>
      {showResult && (
        <ol className="ranking" aria-label={t('workshop.result', { question: p.question })}>
          {ranking(p).map((r) => <li key={r.key}>{r.label} <span className="muted">({r.count})</span></li>)}
        </ol>
      )}
      {fac && (
        <span className="item-actions">
          <button type="button" className="link" onClick={() => attempt(() => model.setPollState(p.id, p.state === 'open' ? 'closed' : 'open'))}>
            {t(p.state === 'open' ? 'workshop.closePoll' : 'workshop.reopenPoll')}</button>
          <button type="button" className="link" aria-pressed={p.revealed} onClick={() => attempt(() => model.setPollRevealed(p.id, !p.revealed))}>
            {t(p.revealed ? 'workshop.hideResult' : 'workshop.revealResult')}</button>
          <button type="button" className="link" onClick={() => attempt(() => model.deletePoll(p.id))}>{t('workshop.deletePoll')}</button>
        </span>
      )}
    </fieldset>
  );
}
