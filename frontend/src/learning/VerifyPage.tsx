import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useBusyAction } from '../forms/useBusyAction';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { verifyCredential, type Verification, type VerificationCheck } from './learningApi';

const CHECKS: Record<VerificationCheck['name'], MessageKey> = {
  format: 'verify.check.format',
  issuer: 'verify.check.issuer',
  signature: 'verify.check.signature',
  validity: 'verify.check.validity',
  status: 'verify.check.status',
};

/**
 * Anyone, signed in or not, checks a credential issued by this VET-NET (docs/learning.md, "Verifying"): pasted or
 * read from its file, sent to the learning server, which checks the signature with the issuer's published key and
 * the issuer's status list. The result lists every check, so a refusal says why.
 */
export function VerifyPage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Verification | null>(null);
  const { busy, error, run } = useBusyAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    await run(() => verifyCredential(text.trim()), setResult);
  };
  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setText((await file.text()).trim());
  };

  const subject = result?.credential?.credentialSubject;
  const holder = subject?.identifier?.find((i) => i.identityType === 'name')?.identityHash;
  return (
    <section className="library-panel verify-page" aria-labelledby="verify-form-heading">
      <h2 id="verify-form-heading">{t('verify.formHeading')}</h2>
      <p>{t('verify.intro')}</p>
      <form className="stack" aria-labelledby="verify-form-heading" onSubmit={submit}>
        <div className="library-field">
          <label htmlFor="verify-credential">{t('verify.field.credential')}</label>
          <textarea id="verify-credential" name="credential" rows={6} value={text} required onChange={(e) => setText(e.target.value)}
            aria-describedby="verify-credential-hint" />
          <span id="verify-credential-hint" className="muted small">{t('verify.hint.credential')}</span>
        </div>
        <div className="library-field">
          <label htmlFor="verify-file">{t('verify.field.file')}</label>
          <input id="verify-file" type="file" accept=".jwt,.txt,application/vc+jwt,text/plain" onChange={readFile} />
        </div>
        <div className="row"><button type="submit" className="primary" disabled={busy || !text.trim()}>{t('verify.check')}</button></div>
      </form>
      {error && <p role="alert" className="error">{t('verify.failed', { message: error })}</p>}
      <div role="status" className="verify-result">
        {result && (
          <div data-verified={result.verified}>
            <h3 className={result.verified ? 'ok' : 'error'}>{t(result.verified ? 'verify.verified' : 'verify.refused')}</h3>
            {result.credential?.name && <p><strong>{result.credential.name}</strong></p>}
            {holder && <p>{t('verify.holder', { name: holder })}</p>}
            {result.issuerName && <p>{t('verify.issuer', { name: result.issuerName })}</p>}
            {subject?.creditsEarned !== undefined && <p>{t('verify.credits', { ects: subject.creditsEarned })}</p>}
            <ul className="verify-checks">
              {result.checks.map((c) => (
                <li key={c.name} data-check={c.name} data-passed={c.passed}>
                  <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> <strong>{t(CHECKS[c.name])}</strong>:{' '}
                  {t(c.passed ? 'verify.passed' : 'verify.notPassed')} ({c.detail})
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
