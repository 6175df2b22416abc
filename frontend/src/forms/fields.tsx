import { useI18n } from '../i18n/i18n';
import type { Option, OptionGroup } from './options';

/**
 * The forms' controls (the library's editor, the members' profile, cases and communities), in one style
 * (library-field): a visible label for each, the limit and any hint said in words and tied to the control, every
 * control named as the JSON field it fills. A control's id is `<form>-<name>`, its hint's `<form>-<name>-hint`.
 */

/** A select's options: the plain ones, then each group as an optgroup. */
function OptionList({ options, groups }: { options: Option[]; groups: OptionGroup[] }) {
  return (
    <>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </optgroup>
      ))}
    </>
  );
}

/** A labelled text input or textarea (`rows` high) with its limit said in words (and enforced by maxLength). */
export function TextField({ form, name, label, value, max, required, multiline, rows = 3, hint, type = 'text', onChange }: {
  form: string; name: string; label: string; value: string; max?: number; required?: boolean; multiline?: boolean; rows?: number;
  hint?: string; type?: 'text' | 'search' | 'number' | 'date' | 'datetime-local'; onChange: (value: string) => void;
}) {
  const { t, language } = useI18n();
  const id = `${form}-${name}`;
  const hintText = [hint, max && t('library.limit', { max: max.toLocaleString(language) })].filter(Boolean).join(' ');
  const hintId = hintText ? `${id}-hint` : undefined;
  const props = {
    id, name, value, required, maxLength: max, 'aria-describedby': hintId,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className="library-field">
      <label htmlFor={id}>{label}{!required && <span className="muted"> {t('library.optional')}</span>}</label>
      {multiline ? <textarea {...props} rows={rows} /> : <input type={type} {...props} />}
      {hintId && <span id={hintId} className="muted small">{hintText}</span>}
    </div>
  );
}

/**
 * A labelled select. A value its options do not hold (a code the reference has dropped, or the reference still
 * loading) is kept as an option of its own, so editing never silently changes it. Unlike a text field's, its label
 * says "optional" only when `optional` is passed, never from `required` alone.
 */
export function Choice({ form, name, label, value, required, placeholder, options = [], groups = [], disabled, hint, optional, onChange }: {
  form: string; name: string; label: string; value: string; required?: boolean; placeholder: string; options?: Option[];
  groups?: OptionGroup[]; disabled?: boolean; hint?: string; optional?: boolean; onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  const id = `${form}-${name}`;
  const known = value === '' || options.some((o) => o.value === value) || groups.some((g) => g.options.some((o) => o.value === value));
  return (
    <div className="library-field">
      <label htmlFor={id}>{label}{optional && <span className="muted"> {t('library.optional')}</span>}</label>
      <select id={id} name={name} value={value} required={required} disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {!known && <option value={value}>{value}</option>}
        <OptionList options={options} groups={groups} />
      </select>
      {hint && <span id={`${id}-hint`} className="muted small">{hint}</span>}
    </div>
  );
}

/**
 * A multiple select (Ctrl or Cmd to choose several; Shift and the arrows from the keyboard), with what is chosen
 * listed under it, each with its own Remove button, so nobody has to find a choice again in a long list.
 */
export function MultiChoice({ form, name, label, values, options = [], groups = [], max, hint, size = 8, onChange }: {
  form: string; name: string; label: string; values: string[]; options?: Option[]; groups?: OptionGroup[]; max: number;
  hint?: string; size?: number; onChange: (values: string[]) => void;
}) {
  const { t } = useI18n();
  const id = `${form}-${name}`;
  const all = [...options, ...groups.flatMap((g) => g.options)];
  const labelOf = (v: string) => all.find((o) => o.value === v)?.label ?? v;
  const unknown = values.filter((v) => !all.some((o) => o.value === v));
  return (
    <div className="library-field community-multi">
      <label htmlFor={id}>{label}<span className="muted"> {t('library.optional')}</span></label>
      <select id={id} name={name} multiple size={size} value={values} aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(Array.from(e.target.selectedOptions, (o) => o.value))}>
        {unknown.map((v) => <option key={v} value={v}>{v}</option>)}
        <OptionList options={options} groups={groups} />
      </select>
      <span id={`${id}-hint`} className="muted small">{[hint, t('profile.multiHint', { max })].filter(Boolean).join(' ')}</span>
      {values.length > 0 && (
        <ul className="community-chosen" aria-label={t('profile.chosen', { field: label })}>
          {values.map((v) => (
            <li key={v}>
              <span>{labelOf(v)}</span>
              <button type="button" className="link" onClick={() => onChange(values.filter((x) => x !== v))}>
                {t('profile.remove')}<span className="sr-only"> {labelOf(v)}</span></button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Checkbox({ form, name, label, checked, hint, onChange }: {
  form: string; name: string; label: string; checked: boolean; hint?: string; onChange: (checked: boolean) => void;
}) {
  const id = `${form}-${name}`;
  return (
    <div className="community-check">
      <input type="checkbox" id={id} name={name} checked={checked} aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint && <span id={`${id}-hint`} className="muted small">{hint}</span>}
    </div>
  );
}
