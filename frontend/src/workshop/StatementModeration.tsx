import { useCallback, useEffect, useState } from 'react';
import { decideStatement, waitingStatements, type WaitingStatement } from '../app/api';
import { useI18n } from '../i18n/i18n';
import type { WorkshopModel } from './model';

/**
 * Strict moderation of statements (docs/dialogue.md, "Strict moderation"): the facilitator turns it on and approves
 * or drops what waits; others see how many of theirs wait. The room server keeps what waits and writes what is
 * approved; it also writes how many wait (`waiting`) into the workshop, and the list is read again when that changes.
 */
export function StatementModeration({ roomId, model, strict, waiting: count }: { roomId: string; model: WorkshopModel; strict: boolean; waiting: number }) {
  const { t } = useI18n();
  const [waiting, setWaiting] = useState<WaitingStatement[]>([]);
  const [said, setSaid] = useState('');
  const fac = model.facilitator;
  const load = useCallback(() => {
    if (strict) waitingStatements(roomId).then(setWaiting, (e) => setSaid(String(e?.message ?? e)));
  }, [roomId, strict]);
  useEffect(load, [load, count]);
  const decide = (id: string, approve: boolean) => decideStatement(roomId, id, approve).then(load, (e) => setSaid(String(e?.message ?? e)));

  return (
    <div className="statement-moderation">
      {fac && (
        <label><input type="checkbox" name="strict-statements" checked={strict}
          onChange={(e) => { try { model.setStatementModeration(e.target.checked); } catch (err) { setSaid(String(err)); } }} /> {t('statements.strict')}</label>
      )}
      {strict && !fac && waiting.length > 0 && <p className="muted" role="status">{t('statements.yoursWaiting', { count: waiting.length })}</p>}
      {strict && fac && waiting.length > 0 && (
        <ul className="waiting-statements" aria-label={t('statements.waiting')}>
          {waiting.map((w) => (
            <li key={w.id}>
              <span>{w.text}</span> <span className="muted">— {w.name}</span>{' '}
              <button type="button" onClick={() => void decide(w.id, true)}>{t('statements.approve')}</button>{' '}
              <button type="button" onClick={() => void decide(w.id, false)}>{t('statements.drop')}</button>
            </li>
          ))}
        </ul>
      )}
      {said && <p role="alert" className="error">{said}</p>}
    </div>
  );
}
