import { useI18n } from '../i18n';
import './demo-mark.css';

// The demo event has the same name, dates and city as the real 2022 training: without a mark the
// organiser can open or print from the wrong one. Every place that names an event marks the demo.

/** A "DEMO" pill, in the demo's own colour (styles.css .demo-tag), before the event's name. */
export function DemoTag() {
  const { t } = useI18n();
  return (
    <span className="demo-tag" title={t('demo.tag.title')} data-testid="demo-tag">
      {t('demo.tag')}
    </span>
  );
}

/** The line on the screens that print (tags, certificates): what comes out of them is sample data. */
export function DemoBanner() {
  const { t } = useI18n();
  return (
    <div className="alert demo-banner" role="note" data-testid="demo-banner">
      <DemoTag /> {t('demo.banner')}
    </div>
  );
}
