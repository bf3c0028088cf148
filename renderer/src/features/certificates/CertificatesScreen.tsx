import { useState } from 'react';
import type { HadirEvent } from '../../../../electron/shared/event';
import { useI18n } from '../../i18n';
import { PeoplePanel } from './PeoplePanel';
import { TemplatePanel } from './TemplatePanel';
import { VerifyPanel } from './VerifyPanel';
import { UndrawableNames } from '../../components/UndrawableNames';
import './certificates.css';

type Tab = 'people' | 'template' | 'verify';
const TABS: Tab[] = ['people', 'template', 'verify'];

/** Certificates: who qualifies and printing, the template editor, and verification. */
export function CertificatesScreen({ event }: { event: HadirEvent }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('people');
  const [rev, setRev] = useState(0);
  return (
    <section className="certificates" aria-labelledby="cert-title">
      <div className="cert-head">
        <h1 id="cert-title">{t('cert.title')}</h1>
        <div role="tablist" className="tabs" aria-label={t('cert.title')}>
          {TABS.map((id) => (
            <button
              key={id}
              role="tab"
              id={`cert-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`cert-panel-${id}`}
              className={`tab${tab === id ? ' active' : ''}`}
              onClick={() => setTab(id)}
            >
              {t(`cert.tab.${id}`)}
            </button>
          ))}
        </div>
      </div>
      {tab === 'people' && <UndrawableNames />}
      <div role="tabpanel" id={`cert-panel-${tab}`} aria-labelledby={`cert-tab-${tab}`}>
        {tab === 'people' && <PeoplePanel key={rev} days={event.days.length} onChanged={() => undefined} />}
        {tab === 'template' && <TemplatePanel event={event} onSaved={() => setRev((r) => r + 1)} />}
        {tab === 'verify' && <VerifyPanel />}
      </div>
    </section>
  );
}
