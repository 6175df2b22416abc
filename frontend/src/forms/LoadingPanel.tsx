import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/** A page whose record has not come yet: "Loading…", or why it could not be read; then `children` (the way back). */
export function LoadingPanel({ error, children }: { error: string | null; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="library-panel">
      {error ? <p role="alert" className="error">{t('library.loadFailed', { message: error })}</p> : <p className="muted">{t('app.loading')}</p>}
      {children}
    </section>
  );
}
