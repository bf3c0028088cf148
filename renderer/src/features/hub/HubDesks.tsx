import { useRef, useState } from 'react';
import type { HubDesk } from '../../../../electron/shared/hub';
import { eventTime, type TimeZone } from '../../../../electron/shared/time-zone';
import { useI18n } from '../../i18n';
import { ConfirmAlert } from '../../components/ConfirmAlert';

/**
 * The desks on the hub screen (issue 19, item 7): each with its role, address, last contact and
 * the scans waiting in its outbox as it last reported, and "revoke" for one desk (its token is
 * refused from then on; the others keep working). The hub laptop's own desk cannot be revoked.
 */
export function HubDesks({
  desks,
  zone,
  onRevoke,
}: {
  desks: HubDesk[];
  zone: TimeZone;
  onRevoke: (id: string) => Promise<unknown>;
}) {
  const { t, lang } = useI18n();
  const [confirm, setConfirm] = useState<HubDesk | null>(null);
  // Keyboard (issue 19, item 4): the confirmation takes the focus when it opens; "Batal" or Escape
  // gives it back to the row's "Cabut"; once revoked (the button is gone) it goes to the list.
  const table = useRef<HTMLTableElement>(null);
  const openers = useRef(new Map<string, HTMLButtonElement>());
  const cancel = () => {
    if (confirm) openers.current.get(confirm.id)?.focus();
    setConfirm(null);
  };
  return (
    <section className="card" aria-labelledby="hub-desks-title">
      <h2 id="hub-desks-title">{t('hub.desks.title')}</h2>
      {desks.length === 0 ? (
        <p className="muted">{t('hub.desks.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table hub-desks" data-testid="hub-desks" ref={table} tabIndex={-1} aria-labelledby="hub-desks-title">
            <thead>
              <tr>
                <th>{t('hub.desks.name')}</th>
                <th>{t('hub.desks.role')}</th>
                <th>{t('hub.desks.address')}</th>
                <th>{t('hub.desks.last')}</th>
                <th className="num">{t('hub.desks.outbox')}</th>
                <th>
                  <span className="sr-only">{t('hub.desks.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {desks.map((d) => (
                <tr key={d.id} data-testid="hub-desk" data-desk={d.name} className={d.revoked ? 'muted' : undefined}>
                  {/* data-label: a phone shows each row as a block, every value under its heading (hub.css). */}
                  <td data-label={t('hub.desks.name')}>{d.name}</td>
                  <td data-label={t('hub.desks.role')}>
                    {d.role === 'organiser' ? t('hub.desks.roleOrganiser') : t('hub.desks.roleCheckin')}
                  </td>
                  <td data-label={t('hub.desks.address')}>
                    <span className="mono">{d.local ? `${d.address} (${t('hub.desks.thisLaptop')})` : d.address}</span>
                  </td>
                  <td data-label={t('hub.desks.last')}>{eventTime(d.lastAt, zone, lang)}</td>
                  <td data-label={t('hub.desks.outbox')} className="num">
                    {d.outbox ?? t('hub.desks.outboxUnknown')}
                  </td>
                  <td className="hub-desk-action">
                    {d.revoked ? (
                      <span className="small">{t('hub.desks.revoked')}</span>
                    ) : d.local ? null : (
                      <button
                        className="btn btn-small"
                        aria-label={`${t('hub.desks.revoke')}: ${d.name}`}
                        ref={(el) => void (el ? openers.current.set(d.id, el) : openers.current.delete(d.id))}
                        onClick={() => setConfirm(d)}
                      >
                        {t('hub.desks.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirm && (
        <ConfirmAlert
          key={confirm.id}
          id="hub-revoke-text"
          label={t('hub.desks.revoke')}
          text={t('hub.desks.revokeConfirm', { name: confirm.name })}
          yes={t('hub.desks.revokeYes')}
          no={t('hub.newKey.no')}
          onYes={() => void onRevoke(confirm.id).finally(() => (table.current?.focus(), setConfirm(null)))}
          onCancel={cancel}
        />
      )}
    </section>
  );
}
