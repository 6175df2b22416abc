import { useI18n, type MessageKey } from '../i18n/i18n';
import { ACTIVITIES, PHASES, type Activity, type WorkshopModel, type WorkshopSnapshot } from './model';

interface Props {
  model: WorkshopModel;
  s: WorkshopSnapshot;
  attempt: (fn: () => void) => void;
}

/**
 * What each phase lets participants do (docs/rooms.md, "Phases"): everyone reads it; facilitators limit a phase to
 * some activities or lift its rule. The room server enforces what is written here, whatever a client sends.
 */
export function PhaseRulesSection({ model, s, attempt }: Props) {
  const { t } = useI18n();
  const fac = model.facilitator;
  const phases = [...PHASES, ...Object.keys(s.phaseRules).filter((p) => !(PHASES as readonly string[]).includes(p))];
  const phaseName = (p: string) => t(`workshop.phase.${p}` as MessageKey);
  const activityName = (a: string) => t(`activity.${a}` as MessageKey);
  const toggle = (phase: string, activity: Activity, on: boolean) => {
    const now = (s.phaseRules[phase] ?? []).filter((a): a is Activity => (ACTIVITIES as string[]).includes(a));
    attempt(() => model.setPhaseRule(phase, on ? [...now, activity] : now.filter((a) => a !== activity)));
  };

  return (
    <section aria-labelledby="ws-phase-rules">
      <h2 id="ws-phase-rules">{t('workshop.phaseRules')}</h2>
      <p className="muted">{t('workshop.phaseRules.hint')}</p>
      <ul className="phase-rules">
        {phases.map((phase) => {
          const rule = s.phaseRules[phase];
          return (
            <li key={phase} data-phase={phase} className={s.phase === phase ? 'current' : undefined}>
              <strong>{phaseName(phase)}</strong>{': '}
              {!rule && <span>{t('workshop.phaseRules.everything')}</span>}
              {rule && !fac && <span>{rule.length === 0 ? t('session.allowedNothing') : rule.map(activityName).join(', ')}</span>}
              {rule && fac && (
                <fieldset className="row">
                  <legend className="sr-only">{t('workshop.phaseRules')}: {phaseName(phase)}</legend>
                  {ACTIVITIES.map((a) => (
                    <label key={a}>
                      <input type="checkbox" name={`rule-${phase}-${a}`} checked={rule.includes(a)}
                        onChange={(e) => toggle(phase, a, e.target.checked)} /> {activityName(a)}
                    </label>
                  ))}
                </fieldset>
              )}
              {fac && (
                <button type="button" onClick={() => attempt(() => model.setPhaseRule(phase, rule ? null : [...ACTIVITIES]))}>
                  {rule ? t('workshop.phaseRules.lift') : t('workshop.phaseRules.limit')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
