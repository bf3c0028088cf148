import { MAX_LOGO_BYTES, type HadirEvent } from '../../../../electron/shared/event';
import { api, fileBytes } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileButton } from '../../components/FileButton';
import { useAction } from '../../hooks/useOp';
import { useDesk } from '../desk/desk-context';

/** The organiser's logo, printed on name tags and certificates. PNG or JPEG, up to 1 MB. */
export function LogoField({
  event,
  url,
  onChanged,
}: {
  event: HadirEvent;
  url: string | null;
  onChanged: (e: HadirEvent) => void;
}) {
  const { t } = useI18n();
  const scope = useDesk();
  const set = useAction(async (file: File | null) => {
    // Refused here too, so a 40 MB photo is not read into memory only to be refused.
    if (file && file.size > MAX_LOGO_BYTES) {
      throw { error: { code: 'logo_invalid', message: '', params: { bytes: file.size, max: MAX_LOGO_BYTES } } };
    }
    onChanged(await api('event.setLogo', { ...scope, bytes: file ? await fileBytes(file) : null }));
  });
  const { busy, error } = set;

  return (
    <section className="card narrow" aria-labelledby="logo-title">
      <h2 id="logo-title">{t('logo.title')}</h2>
      <p className="muted">{t('logo.hint')}</p>
      <div className="logo-row">
        <div className="logo-preview" data-testid="logo-preview">
          {url ? <img src={url} alt={t('logo.alt', { organiser: event.organiser })} /> : <span>{t('logo.none')}</span>}
        </div>
        <div className="logo-actions">
          <FileButton
            accept="image/png,image/jpeg"
            label={event.logo ? t('logo.replace') : t('logo.choose')}
            disabled={busy}
            testId="logo-file"
            onFile={(f) => void set.run(f)}
          />
          {event.logo && (
            <button className="btn btn-ghost danger" disabled={busy} onClick={() => void set.run(null)}>
              {t('logo.remove')}
            </button>
          )}
        </div>
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
