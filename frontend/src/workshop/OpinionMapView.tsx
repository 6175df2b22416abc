import { useI18n } from '../i18n/i18n';
import type { OpinionMap } from '../app/api';

/** Group colours, distinguishable for the common colour-vision deficiencies (Okabe–Ito). */
const GROUP_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];
const SIZE = 220;

const percent = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

/**
 * The opinion map as a picture and as text (the text carries everything the picture shows): each person on the map
 * as a dot in their group's colour (you ringed), what each group stands for, what divides the groups and what they
 * all agree on.
 */
export function OpinionMapView({ map }: { map: OpinionMap }) {
  const { t } = useI18n();
  const at = (v: number) => SIZE / 2 + v * (SIZE / 2 - 12);
  if (map.points.length === 0) {
    return <p className="muted" role="status">{t('opinion.notYet', { min: map.minVotes, waiting: map.waiting })}</p>;
  }
  return (
    <div className="opinion-map" aria-labelledby="opinion-heading">
      <h3 id="opinion-heading">{t('opinion.heading')}</h3>
      <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img"
        aria-label={t('opinion.picture', { people: map.points.length, groups: map.groups.length })}>
        <rect x="0.5" y="0.5" width={SIZE - 1} height={SIZE - 1} fill="white" stroke="#c8ced6" />
        <line x1={SIZE / 2} y1="4" x2={SIZE / 2} y2={SIZE - 4} stroke="#e3e7ec" />
        <line x1="4" y1={SIZE / 2} x2={SIZE - 4} y2={SIZE / 2} stroke="#e3e7ec" />
        {map.points.map((p, i) => (
          <circle key={i} cx={at(p.x)} cy={at(-p.y)} r={p.you ? 6 : 4} fill={GROUP_COLOURS[p.group % GROUP_COLOURS.length]}
            stroke={p.you ? '#111' : 'white'} strokeWidth={p.you ? 2 : 1} opacity={0.9} />
        ))}
      </svg>
      {map.waiting > 0 && <p className="muted">{t('opinion.waiting', { count: map.waiting, min: map.minVotes })}</p>}
      <ul className="opinion-groups">
        {map.groups.map((g, i) => (
          <li key={g.label}>
            <span className="group-swatch" style={{ background: GROUP_COLOURS[i % GROUP_COLOURS.length] }} aria-hidden="true" />
            <strong>{t('opinion.group', { label: g.label, size: g.size })}</strong>
            {map.points.some((p) => p.you && p.group === i) && <span className="badge">{t('opinion.yourGroup')}</span>}
            {g.represents.length > 0 && (
              <ul>
                {g.represents.map((r) => (
                  <li key={r.statement}>{t(r.direction === 'agree' ? 'opinion.agrees' : 'opinion.disagrees', { text: r.text, share: percent(r.direction === 'agree' ? r.agree : r.disagree) })}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {map.consensus.length > 0 && (
        <>
          <h4>{t('opinion.consensus')}</h4>
          <ul className="opinion-consensus">
            {map.consensus.map((c) => (
              <li key={c.statement}>{t(c.direction === 'agree' ? 'opinion.allAgree' : 'opinion.allDisagree', { text: c.text })}</li>
            ))}
          </ul>
        </>
      )}
      {map.divisive.length > 0 && (
        <>
          <h4>{t('opinion.divisive')}</h4>
          <ul className="opinion-divisive">
            {map.divisive.map((d) => (
              <li key={d.statement}>{d.text} <span className="muted">({d.agreeByGroup.map((x, i) => `${map.groups[i]?.label}: ${percent(x)}`).join(', ')} {t('opinion.agreeing')})</span></li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
