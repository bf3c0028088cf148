import { useState } from 'react';
import type { HadirEvent } from '../../../../electron/shared/event';
import { api, shellCaps } from '../../api';
import { useI18n } from '../../i18n';
import { useDesk } from '../desk/desk-context';
import { EventForm } from './EventForm';
import { EventList } from './EventList';
import { LogoField } from './LogoField';
import { PrintCard } from './PrintCard';
import { TransferCard } from './TransferCard';
import { KioskPinCard } from '../setup/KioskPinCard';
import { PaymentsCard } from '../payments/PaymentsCard';

export function EventScreen({
  event,
  logoUrl,
  onSaved,
  onOpen,
  onLogoChanged,
  onNew,
}: {
  event: HadirEvent;
  logoUrl: string | null;
  onSaved: (e: HadirEvent) => void;
  /** This desk switches to another event (the others keep theirs). */
  onOpen: (e: HadirEvent) => void;
  onLogoChanged: (e: HadirEvent) => void;
  onNew: () => void;
}) {
  const { t } = useI18n();
  const scope = useDesk();
  // An imported event joins the list below: it is read again.
  const [listRev, setListRev] = useState(0);
  return (
    <>
      <section className="card narrow">
        <h1>{t('event.title')}</h1>
        <p className="muted">{t('event.participants', { n: event.participantCount })}</p>
        <EventForm
          event={event}
          submitLabel={t('common.save')}
          savedText={t('event.saved')}
          headingLevel={2}
          onSubmit={async (input) => onSaved(await api('event.update', { ...scope, ...input }))}
          key={event.id}
        />
      </section>
      <LogoField event={event} url={logoUrl} onChanged={onLogoChanged} />
      <PaymentsCard event={event} key={`pay-${event.id}`} />
      <PrintCard />
      {shellCaps().printers && <KioskPinCard />}
      <EventList key={listRev} currentId={event.id} onOpened={onOpen} onChanged={onSaved} onNew={onNew} />
      <TransferCard event={event} onImported={() => setListRev((r) => r + 1)} />
    </>
  );
}
