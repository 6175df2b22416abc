import { useState } from 'react';
import { inViewerLanguage } from '../i18n/contentText';
import { GlyphLabel } from '../app/GlyphLabel';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { PHASES, remaining, type WorkshopModel } from './model';
import { clock, useSecondTicks, useWorkshopSnapshot } from './useWorkshop';

export function WorkshopPanel({ model, names, onError }: { model: WorkshopModel; names: (id: string) => string; onError: (m: string) => void }) {
  const { t } = useI18n();
  const s = useWorkshopSnapshot(model);
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState(10);
  const [question, setQuestion] = useState('');
  const [pollQ, setPollQ] = useState('');
  const [pollOptions, setPollOptions] = useState('');
  const me = model.actor.userId;
  const fac = model.facilitator;
  const writes = model.actor.role !== 'observer';

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
      </section>
      <section aria-labelledby="ws-timer">
        <h2 id="ws-timer">{t('workshop.timer')}</h2>
        <p className={`timer${s.timer.running ? ' running' : ''}`} role="timer" aria-live="off">{clock(left)}</p>
        {fac && (
          <div className="row">
            {s.timer.running
              ? <button type="button" onClick={() => attempt(() => model.pauseTimer())}>{t('workshop.pause')}</button>
              : <button type="button" onClick={() => attempt(() => model.startTimer(left > 0 ? left : minutes * 60))}>{t('workshop.start')}</button>}
            <button type="button" onClick={() => attempt(() => { model.startTimer(minutes * 60); model.pauseTimer(); })}>{t('workshop.reset')}</button>
          </div>
        )}
      </section>
      <section aria-labelledby="ws-agenda">
        <h2 id="ws-agenda">{t('workshop.agenda')}</h2>
        <ol className="agenda">
          {s.agenda.map((a, i) => (
            <li key={i}>
              <span>{inViewerLanguage(a.title, a.tpl, t)}</span> <span className="muted">{a.minutes}′</span>
              {fac && <button type="button" className="link" onClick={() => attempt(() => model.removeAgendaItem(i))}>{t('workshop.remove')}</button>}
            </li>
          ))}
        </ol>
        {fac && (
          <form className="row" onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) attempt(() => model.addAgendaItem(title.trim(), minutes));
            setTitle('');
          }}>
            <label><span className="sr-only">{t('workshop.itemTitle')}</span>
              <input value={title} placeholder={t('workshop.itemTitle')} onChange={(e) => setTitle(e.target.value)} /></label>
            <label><span className="sr-only">{t('workshop.minutes')}</span>
              <input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(Number(e.target.value) || 1)} className="narrow" /></label>
            <button type="submit">{t('workshop.addItem')}</button>
          </form>
        )}
      </section>
      <section aria-labelledby="ws-questions">
        <h2 id="ws-questions">{t('workshop.questions')}</h2>
        {writes && (
          <form className="row" onSubmit={(e) => {
            e.preventDefault();
            if (question.trim()) attempt(() => model.ask(question.trim()));
            setQuestion('');
          }}>
            <label className="grow"><span className="sr-only">{t('workshop.askPlaceholder')}</span>
              <input value={question} placeholder={t('workshop.askPlaceholder')} onChange={(e) => setQuestion(e.target.value)} /></label>
            <button type="submit">{t('workshop.ask')}</button>
          </form>
        )}
        {s.questions.length === 0 && <p className="muted">{t('workshop.noQuestions')}</p>}
        <ul className="questions">
          {s.questions.map((q) => (
            <li key={q.id}>
              <button type="button" className={`upvote${q.upvotes.includes(me) ? ' active' : ''}`} aria-pressed={q.upvotes.includes(me)}
                disabled={!writes} onClick={() => attempt(() => model.toggleUpvote(q.id))}>
                <GlyphLabel glyph={`▲ ${q.upvotes.length}`} label={`${t('workshop.upvote')}: ${t('workshop.upvotes', { count: q.upvotes.length })}`} />
              </button>
              <span>{q.text}</span> <span className="muted">— {names(q.owner)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ws-polls">
        <h2 id="ws-polls">{t('workshop.polls')}</h2>
        {s.polls.length === 0 && <p className="muted">{t('workshop.noPolls')}</p>}
        {s.polls.map((p) => {
          const counts = p.options.map((o) => Object.values(p.votes).filter((v) => v === o).length);
          return (
            <fieldset key={p.id} className="poll">
              <legend>{p.question}</legend>
              {p.options.map((o, i) => (
                <label key={o} className="poll-option">
                  <input type="radio" name={`poll-${p.id}`} checked={p.votes[me] === o} disabled={!writes}
                    onChange={() => attempt(() => model.vote(p.id, o))} />
                  {o} <span className="muted">({counts[i]})</span>
                  {p.votes[me] === o && <span className="sr-only">{t('workshop.yourVote')}</span>}
                </label>
              ))}
            </fieldset>
          );
        })}
        {fac && (
          <form className="stack" onSubmit={(e) => {
            e.preventDefault();
            const options = pollOptions.split(',').map((o) => o.trim()).filter(Boolean);
            if (pollQ.trim() && options.length >= 2) attempt(() => model.openPoll(pollQ.trim(), options));
            setPollQ('');
            setPollOptions('');
          }}>
            <label>{t('workshop.newPoll')}<input value={pollQ} onChange={(e) => setPollQ(e.target.value)} /></label>
            <label>{t('workshop.pollOptions')}<input value={pollOptions} onChange={(e) => setPollOptions(e.target.value)} /></label>
            <button type="submit">{t('workshop.openPoll')}</button>
          </form>
        )}
      </section>
    </div>
  );
}
