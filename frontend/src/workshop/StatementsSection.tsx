import { useEffect, useRef, useState } from 'react';
import { HttpError, opinionMap, submitStatement, type OpinionMap } from '../app/api';
import { useI18n } from '../i18n/i18n';
import { OpinionMapView } from './OpinionMapView';
import { StatementModeration } from './StatementModeration';
import { phaseAllows, type WorkshopModel, type WorkshopSnapshot } from './model';

interface Props {
  roomId: string;
  /** The longest statement the room server takes (RoomRecord.rules). */
  maxLength?: number;
  model: WorkshopModel;
  s: WorkshopSnapshot;
  attempt: (fn: () => void) => void;
}

/** How long the map waits after the last vote before it is drawn again: a burst of votes costs one request. */
const REDRAW_AFTER_MS = 1200;

/**
 * Statements and the opinion map (docs/dialogue.md): anyone with a voice posts short statements and agrees,
 * disagrees or passes on each; facilitators hide what should not be there; the room server draws the map of opinion
 * groups from the votes and it is read again after each burst of votes.
 */
export function StatementsSection({ roomId, maxLength, model, s, attempt }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [map, setMap] = useState<OpinionMap | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const me = model.actor.userId;
  const writes = model.actor.role !== 'observer' && phaseAllows(s, model.actor.role, 'statements');
  const fac = model.facilitator;
  const shown = s.statements.filter((x) => fac || !x.hidden);

  // The map changes when a vote or a statement does: this key says when.
  const votesKey = s.statements.map((x) => `${x.id}${x.hidden ? 'h' : ''}:${Object.entries(x.votes).map(([k, v]) => k + v).join(',')}`).join('|');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (s.statements.length === 0) return;
    window.clearTimeout(timer.current);
    let stopped = false;
    timer.current = window.setTimeout(() => {
      opinionMap(roomId).then((m) => { if (!stopped) { setMap(m); setMapError(null); } },
        (e) => { if (!stopped) setMapError(e instanceof HttpError ? e.message : String(e)); });
    }, REDRAW_AFTER_MS);
    return () => { stopped = true; window.clearTimeout(timer.current); };
  }, [roomId, votesKey, s.statements.length]);

  return (
    <section aria-labelledby="ws-statements">
      <h2 id="ws-statements">{t('statements.heading')}</h2>
      <p className="muted">{t('statements.help')}</p>
      {writes && (
        <form className="row" onSubmit={(e) => {
          e.preventDefault();
          const said = text.trim();
          if (!said) return;
          // Under strict moderation the server keeps it until a facilitator approves it.
          if (s.strictStatements && !model.facilitator) submitStatement(roomId, said).then(() => setSubmitError(null), (err) => setSubmitError(String(err?.message ?? err)));
          else attempt(() => model.state(said));
          setText('');
        }}>
          <label className="grow"><span className="sr-only">{t('statements.placeholder')}</span>
            <input name="statement" value={text} maxLength={maxLength} placeholder={t('statements.placeholder')}
              onChange={(e) => setText(e.target.value)} /></label>
          <button type="submit">{t('statements.add')}</button>
        </form>
      )}
      {submitError && <p role="alert" className="error">{submitError}</p>}
      <StatementModeration roomId={roomId} model={model} strict={s.strictStatements} waiting={s.statementsWaiting} />
      {shown.length === 0 && <p className="muted">{t('statements.none')}</p>}
      <ul className="statements">
        {shown.map((x) => {
          const mine = x.votes[me];
          const count = (v: number) => Object.values(x.votes).filter((y) => y === v).length;
          return (
            <li key={x.id} className={x.hidden ? 'hidden-statement' : ''} data-statement={x.id}>
              <span className="statement-text">{x.text}</span>
              {x.hidden && <span className="badge">{t('statements.hidden')}</span>}
              <span className="row" role="group" aria-label={t('statements.voteOn', { text: x.text })}>
                {([[1, 'statements.agree'], [-1, 'statements.disagree'], [0, 'statements.pass']] as const).map(([v, key]) => (
                  <button key={v} type="button" aria-pressed={mine === v} disabled={!writes || x.hidden}
                    onClick={() => attempt(() => model.voteOnStatement(x.id, v))}>{t(key)}</button>
                ))}
              </span>
              <span className="muted">{t('statements.counts', { agree: count(1), disagree: count(-1), pass: count(0) })}</span>
              {fac && (
                <button type="button" className="link" onClick={() => attempt(() => model.hideStatement(x.id, !x.hidden))}>
                  {t(x.hidden ? 'statements.show' : 'statements.hide')}</button>
              )}
            </li>
          );
        })}
      </ul>
      {mapError && <p className="muted" role="status">{t('statements.mapUnavailable', { reason: mapError })}</p>}
      {map && s.statements.length > 0 && <OpinionMapView map={map} />}
    </section>
  );
}
