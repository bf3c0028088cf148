import { useState } from 'react';
import type { HadirEvent } from '../../../../electron/shared/event';
import { api } from '../../api';
import { useI18n } from '../../i18n';
import { EventForm } from './EventForm';
import { EventList } from './EventList';
import { LogoField } from './LogoField';

export function EventScreen({
  event,
  logoUrl,
  onSaved,
  onLogoChanged,
  onNew,
}: {
  event: HadirEvent;
  logoUrl: string | null;
  onSaved: (e: HadirEvent) => void;
  onLogoChanged: (e: HadirEvent) => void;
  onNew: () => void;
}) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  return (
    <>
      <section className="card narrow">
        <h1>{t('event.title')}</h1>
        <p className="muted">{t('event.participants', { n: event.participantCount })}</p>
        {saved && (
          <div className="alert alert-ok" role="status">
            {t('event.saved')}
          </div>
        )}
        <EventForm
          event={event}
          submitLabel={t('common.save')}
          onSubmit={async (input) => {
            onSaved(await api('event.update', input));
            setSaved(true);
          }}
          key={event.id}
        />
      </section>
      <LogoField event={event} url={logoUrl} onChanged={onLogoChanged} />
      <EventList onOpened={onSaved} onNew={onNew} />
    </>
  );
}
