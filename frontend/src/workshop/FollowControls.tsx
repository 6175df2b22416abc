import { useI18n } from '../i18n/i18n';
import type { WorkshopModel } from './model';

interface Props {
  model: WorkshopModel;
  leader?: string;
  leaderName: string;
  following: boolean;
  onFollowing: (on: boolean) => void;
  /** Where my view is now (the middle of it and its scale), for a summon. */
  myView: () => { cx: number; cy: number; s: number } | undefined;
}

/**
 * Follow me and summon (docs/dialogue.md, "Facilitation"): a facilitator leads (everyone's board view follows theirs)
 * or brings everyone, once, to where they look; everyone else may stop following and start again. Only facilitators
 * write `leader` and `summon`: the room server refuses anyone else (docs/rooms.md, "Roles and permissions").
 */
export function FollowControls({ model, leader, leaderName, following, onFollowing, myView }: Props) {
  const { t } = useI18n();
  const me = model.actor.userId;
  if (model.facilitator) {
    const leading = leader === me;
    return (
      <span className="follow-controls">
        <button type="button" aria-pressed={leading} onClick={() => model.lead(leading ? null : me)}>{t('follow.lead')}</button>
        <button type="button" onClick={() => { const v = myView(); if (v) model.summonTo(v); }}>{t('follow.summon')}</button>
      </span>
    );
  }
  if (!leader || leader === me) return null;
  return (
    <span className="follow-controls">
      <button type="button" aria-pressed={following} onClick={() => onFollowing(!following)}>{t('follow.follow', { name: leaderName })}</button>
    </span>
  );
}
