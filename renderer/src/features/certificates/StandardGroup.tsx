// The certificate as the Ministry of Social Affairs' standard lists it (issue 20, item 7): one
// click to the A4 portrait layout with the identity block, and the lines under it (JP total,
// result). The rows themselves come from each participant's record.
import type { CertTemplate } from '../../../../electron/shared/certificates';
import { standardTemplate } from '../../../../electron/shared/cert-template-defaults';
import { useI18n } from '../../i18n';

export function StandardGroup({ template, onChange }: { template: CertTemplate; onChange: (patch: Partial<CertTemplate>) => void }) {
  const { t } = useI18n();
  const id = template.identity;
  const use = () => {
    const s = standardTemplate();
    // The layout and the block; the organiser's own words, background, signatories and QR address stay.
    onChange({ orientation: s.orientation, fields: s.fields, identity: s.identity, backPage: template.backPage || s.backPage });
  };
  return (
    <details open className="cert-group" data-testid="cert-standard">
      <summary>{t('cert.standard')}</summary>
      <p className="field-hint">{t('cert.standard.hint')}</p>
      <button type="button" className="btn btn-secondary" onClick={use}>
        {t('cert.standard.use')}
      </button>
      {id && (
        <>
          <label className="check">
            <input
              type="checkbox"
              checked={id.box.visible}
              onChange={(e) => onChange({ identity: { ...id, box: { ...id.box, visible: e.target.checked } } })}
            />
            {t('cert.standard.show')}
          </label>
          <label className="field">
            <span className="field-label">{t('cert.standard.jpLine')}</span>
            <input value={id.jpLine} onChange={(e) => onChange({ identity: { ...id, jpLine: e.target.value } })} />
          </label>
          <label className="field">
            <span className="field-label">{t('cert.standard.result')}</span>
            <input value={id.result} onChange={(e) => onChange({ identity: { ...id, result: e.target.value } })} />
          </label>
        </>
      )}
    </details>
  );
}
