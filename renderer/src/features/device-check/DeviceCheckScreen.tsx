import { shellCaps } from '../../api';
import { useI18n } from '../../i18n';
import { PrintCard } from '../event/PrintCard';
import { KioskPinCard } from '../setup/KioskPinCard';
import { CameraCheck } from './CameraCheck';
import { SoundCheck } from './SoundCheck';
import { SystemChecks } from './SystemChecks';
import './device-check.css';

/**
 * "Cek perangkat" (issue 17): the evening before, in the venue, one screen walks through what can
 * go wrong on the day, in order: the system checks `hadir doctor` makes, the camera and its
 * decoder, the printer (the test page's 100 mm ruler, through the usual print path) and the
 * desk's sounds; in the app, also the kiosk exit PIN. Reachable from the menu and the welcome screen.
 */
export function DeviceCheckScreen({ eventId, onBack }: { eventId: number | undefined; onBack?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="devcheck" data-testid="device-check">
      <section className="setup-intro">
        {onBack && (
          <button className="btn btn-link" onClick={onBack}>
            ← {t('common.back')}
          </button>
        )}
        <h1>{t('devcheck.title')}</h1>
        <p className="lead">{t('devcheck.lead')}</p>
      </section>
      <div className="devcheck-grid">
        <SystemChecks eventId={eventId} />
        <CameraCheck />
        <PrintCard note={t('devcheck.printer.hint')} />
        <div>
          <SoundCheck />
          {shellCaps().kiosk && <KioskPinCard />}
        </div>
      </div>
    </div>
  );
}
