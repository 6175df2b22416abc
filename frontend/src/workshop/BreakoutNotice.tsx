import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';
import type { WorkshopModel } from './model';
import { useWorkshopValue } from './useWorkshop';

/**
 * Where breakouts send this person (docs/dialogue.md, "Breakouts"), in the session bar: in the plenary, the way to
 * their group's room while it is under way; in a group's room, the way back, taken by itself once the facilitator
 * brings everyone back.
 */
export function BreakoutNotice({ model, navigate }: { model: WorkshopModel; navigate: (path: string) => void }) {
  const { t } = useI18n();
  const me = model.actor.userId;
  const mine = useWorkshopValue(model, (s) => s.breakouts.find((b) => b.state === 'open' && b.members.includes(me)));
  const plenary = useWorkshopValue(model, (s) => s.plenary);
  const returnTo = useWorkshopValue(model, (s) => s.returnTo);
  useEffect(() => {
    if (returnTo) navigate(`/rooms/${returnTo}`);
  }, [returnTo, navigate]);

  if (mine) {
    return (
      <button type="button" className="session-breakout" onClick={() => navigate(`/rooms/${mine.room}`)}>
        {t('breakouts.yourGroup', { title: mine.title })}
      </button>
    );
  }
  if (plenary) {
    return (
      <span className="session-breakout">
        {t('breakouts.inGroup')}{' '}
        <button type="button" className="link" onClick={() => navigate(`/rooms/${plenary}`)}>{t('breakouts.toPlenary')}</button>
      </span>
    );
  }
  return null;
}
