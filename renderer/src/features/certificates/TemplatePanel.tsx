import { useEffect, useState } from 'react';
import {
  FIELD_IDS,
  type CertAssetKind,
  type CertSettings,
  type CertSettingsView,
  type CertTemplate,
  type FieldBox,
  type FieldId,
  numberPattern,
} from '../../../../electron/shared/certificates';
import { defaultTemplate, turnTemplate } from '../../../../electron/shared/cert-template-defaults';
import { formatNumber } from '../../../../electron/shared/cert-number';
import type { HadirEvent } from '../../../../electron/shared/event';
import { api, fileBytes } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../hooks/useOp';
import { useI18n, type MsgKey } from '../../i18n';
import { PagePreview } from './PagePreview';
import { useDesk } from '../desk/desk-context';
import { usePdfImage } from './usePdfImage';
import { StandardGroup } from './StandardGroup';
import { DEFAULT_PERCENT } from '../../../../electron/shared/certificates';
import { backgroundShape, isPdfFile } from './background-shape';

/**
 * The certificate's settings and template, edited on a live preview of the real PDF page:
 * who qualifies, the number pattern, the background, the wording per role, the signing place
 * and date, a second signatory, signature images, the back page; fields dragged on the page.
 */
export function TemplatePanel({ event, onSaved }: { event: HadirEvent; onSaved: () => void }) {
  const { t } = useI18n();
  const scope = useDesk();
  const { eventId } = scope;
  const [view, setView] = useState<CertSettingsView | null>(null);
  const [draft, setDraft] = useState<CertSettings | null>(null);
  const [selected, setSelected] = useState<FieldId | null>('name');
  const [saved, setSaved] = useState(false);
  const [assetError, setAssetError] = useState<unknown>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    api('certificates.settings', { eventId }).then((v) => (setView(v), setDraft(v.settings)), setLoadError);
  }, [eventId]);

  const assetsKey = JSON.stringify(view?.assets ?? []);
  // The preview numbers with the pattern being edited (once it is a valid one), and is drawn
  // again when it changes: it kept the old pattern after Simpan until a reload (issue 16, defect 6).
  const previewPattern = draft && numberPattern.safeParse(draft.pattern).success ? draft.pattern : undefined;
  const preview = usePdfImage(
    draft ? () => api('certificates.preview', { eventId, template: draft.template, pattern: previewPattern }) : null,
    JSON.stringify([draft?.template ?? null, previewPattern ?? null]) + assetsKey,
    110,
  );
  const save = useAction(async () => {
    if (!draft) return;
    const v = await api('certificates.saveSettings', { ...scope, ...draft });
    setView(v);
    setDraft(v.settings);
    setSaved(true);
    onSaved();
  });

  if (!draft || !view) return <ErrorAlert error={loadError} />;
  const tpl = draft.template;
  const setTpl = (patch: Partial<CertTemplate>) => (setSaved(false), setDraft({ ...draft, template: { ...tpl, ...patch } }));
  const setWording = (patch: Partial<CertTemplate['wording']>) => setTpl({ wording: { ...tpl.wording, ...patch } });
  const setField = (id: FieldId, patch: Partial<FieldBox>) =>
    setTpl({ fields: { ...tpl.fields, [id]: { ...tpl.fields[id], ...patch } } });
  const hasAsset = (k: CertAssetKind) => view.assets.some((a) => a.kind === k);
  const upload = (kind: CertAssetKind) => async (file: File | null) => {
    setAssetError(null);
    try {
      const bytes = file ? await fileBytes(file) : null;
      const shape = kind === 'background' && file && bytes ? await backgroundShape(file, bytes) : null;
      const v = await api('certificates.setAsset', { ...scope, kind, bytes });
      setView(v);
      if (kind === 'background' && file) {
        // A photograph gets the white panel the text needs; a designed PDF (Canva, Word) is
        // meant to be seen whole. A design in the other orientation turns the certificate, with
        // that orientation's layout, rather than being cut down to its middle.
        const turn = shape && shape !== tpl.orientation ? turnTemplate(tpl, shape) : {};
        setTpl({ background: 'custom', panel: !isPdfFile(file), ...turn });
      }
    } catch (e) {
      setAssetError(e);
    }
  };
  let sample = '';
  try {
    sample = formatNumber(draft.pattern, 1, tpl.signingDate ?? view.signingDate);
  } catch {
    sample = '';
  }
  const f = selected ? tpl.fields[selected] : null;
  const days = event.days.length;

  return (
    <div className="cert-editor">
      <div className="cert-editor-side">
        <details open className="cert-group">
          <summary>{t('cert.rule')}</summary>
          <label className="radio">
            <input
              type="radio"
              name="rule"
              checked={draft.rule.kind === 'all_days'}
              onChange={() => (setSaved(false), setDraft({ ...draft, rule: { kind: 'all_days' } }))}
            />
            {t('cert.rule.all', { n: days })}
          </label>
          <label className="radio">
            <input
              type="radio"
              name="rule"
              checked={draft.rule.kind === 'min_days'}
              onChange={() => (setSaved(false), setDraft({ ...draft, rule: { kind: 'min_days', min: Math.max(1, days - 1) } }))}
            />
            {t('cert.rule.min')}
            <input
              type="number"
              className="cert-num"
              min={1}
              max={days}
              aria-label={t('cert.rule.minDays')}
              disabled={draft.rule.kind !== 'min_days'}
              value={draft.rule.kind === 'min_days' ? draft.rule.min : days}
              onChange={(e) => (
                setSaved(false),
                setDraft({ ...draft, rule: { kind: 'min_days', min: Math.max(1, Number(e.target.value) || 1) } })
              )}
            />
            {t('cert.rule.of', { n: days })}
          </label>
          <label className="radio">
            <input
              type="radio"
              name="rule"
              checked={draft.rule.kind === 'min_percent'}
              onChange={() => (setSaved(false), setDraft({ ...draft, rule: { kind: 'min_percent', percent: DEFAULT_PERCENT } }))}
            />
            {t('cert.rule.percent')}
            <input
              type="number"
              className="cert-num"
              min={1}
              max={100}
              aria-label={t('cert.rule.percentValue')}
              disabled={draft.rule.kind !== 'min_percent'}
              value={draft.rule.kind === 'min_percent' ? draft.rule.percent : DEFAULT_PERCENT}
              onChange={(e) => (
                setSaved(false),
                setDraft({ ...draft, rule: { kind: 'min_percent', percent: Math.min(100, Math.max(1, Number(e.target.value) || 1)) } })
              )}
            />
            {t('cert.rule.percentOf', { n: days })}
          </label>
          <label className="check">
            <input type="checkbox" checked={tpl.statement} onChange={(e) => setTpl({ statement: e.target.checked })} data-testid="cert-statement-on" />
            {t('cert.statement')}
          </label>
          <p className="field-hint">{t('cert.statement.hint')}</p>
        </details>
        <StandardGroup template={tpl} onChange={setTpl} />

        <details open className="cert-group">
          <summary>{t('cert.numbering')}</summary>
          <label className="field">
            <span className="field-label">{t('cert.pattern')}</span>
            <input
              className="mono"
              value={draft.pattern}
              onChange={(e) => (setSaved(false), setDraft({ ...draft, pattern: e.target.value }))}
            />
            <span className="field-hint">{t('cert.pattern.hint', { sample })}</span>
          </label>
        </details>

        <details open className="cert-group">
          <summary>{t('cert.design')}</summary>
          <label className="field">
            <span className="field-label">{t('cert.orientation')}</span>
            <select
              value={tpl.orientation}
              onChange={(e) => {
                const o = e.target.value as CertTemplate['orientation'];
                setTpl(turnTemplate(tpl, o));
              }}
            >
              <option value="landscape">{t('cert.orientation.landscape')}</option>
              <option value="portrait">{t('cert.orientation.portrait')}</option>
            </select>
          </label>
          <label className="radio">
            <input
              type="radio"
              name="bg"
              checked={tpl.background === 'default'}
              onChange={() => setTpl({ background: 'default' })}
            />
            {t('cert.bg.default')}
          </label>
          <label className="radio">
            <input
              type="radio"
              name="bg"
              disabled={!hasAsset('background')}
              checked={tpl.background === 'custom'}
              onChange={() => setTpl({ background: 'custom' })}
            />
            {t('cert.bg.custom')}
          </label>
          <AssetPicker
            kind="background"
            has={hasAsset('background')}
            accept="image/png,image/jpeg,application/pdf"
            onPick={upload('background')}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={tpl.panel}
              disabled={tpl.background !== 'custom'}
              onChange={(e) => setTpl({ panel: e.target.checked })}
            />
            {t('cert.panel')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={tpl.backPage}
              disabled={!event.programme.length}
              onChange={(e) => setTpl({ backPage: e.target.checked })}
            />
            {t('cert.backPage')}
          </label>
          {!event.programme.length && <p className="field-hint">{t('cert.backPage.none')}</p>}
          <ErrorAlert error={assetError} />
        </details>

        <details className="cert-group">
          <summary>{t('cert.wording')}</summary>
          <TextField label={t('cert.wording.title')} value={tpl.wording.title} onChange={(title) => setWording({ title })} />
          <TextField
            label={t('cert.wording.givenTo')}
            value={tpl.wording.givenTo}
            onChange={(givenTo) => setWording({ givenTo })}
          />
          <TextField
            label={t('cert.wording.numberLabel')}
            value={tpl.wording.numberLabel}
            onChange={(numberLabel) => setWording({ numberLabel })}
          />
          {event.roles.map((role) => (
            <label className="field" key={role}>
              <span className="field-label">{t('cert.wording.role', { role })}</span>
              <textarea
                rows={3}
                value={tpl.wording.roles[role] ?? tpl.wording.other.replace('{role}', role)}
                onChange={(e) => setWording({ roles: { ...tpl.wording.roles, [role]: e.target.value } })}
              />
            </label>
          ))}
          <p className="field-hint">{t('cert.wording.hint')}</p>
          <TextField
            label={t('cert.wording.qrCaption')}
            value={tpl.wording.qrCaption}
            onChange={(qrCaption) => setWording({ qrCaption })}
          />
          <TextField label={t('cert.verifyUrl')} value={tpl.verifyUrl} onChange={(verifyUrl) => setTpl({ verifyUrl })} />
          <p className="field-hint">{t('cert.verifyUrl.hint')}</p>
        </details>

        <details className="cert-group">
          <summary>{t('cert.signing')}</summary>
          <TextField
            label={t('cert.signing.place')}
            value={tpl.signingPlace ?? ''}
            placeholder={event.city}
            onChange={(v) => setTpl({ signingPlace: v.trim() ? v : null })}
          />
          <label className="field">
            <span className="field-label">{t('cert.signing.date')}</span>
            <input
              type="date"
              value={tpl.signingDate ?? view.signingDate}
              onChange={(e) => setTpl({ signingDate: e.target.value || null })}
            />
          </label>
          <p className="field-hint">{t('cert.signing.who', { name: event.signatoryName, title: event.signatoryTitle })}</p>
          <AssetPicker kind="signature" has={hasAsset('signature')} accept="image/png,image/jpeg" onPick={upload('signature')} />
          <label className="check">
            <input
              type="checkbox"
              checked={!!tpl.signatory2}
              onChange={(e) =>
                setTpl({
                  signatory2: e.target.checked ? { name: '', title: '', rank: '', nip: '' } : null,
                  fields: { ...tpl.fields, signatory2: { ...tpl.fields.signatory2, visible: e.target.checked } },
                })
              }
            />
            {t('cert.signatory2')}
          </label>
          {tpl.signatory2 && (
            <div className="cert-sig2">
              {(['name', 'title', 'rank', 'nip'] as const).map((k) => (
                <TextField
                  key={k}
                  label={t(`cert.signatory2.${k}` as MsgKey)}
                  value={tpl.signatory2![k]}
                  onChange={(v) => setTpl({ signatory2: { ...tpl.signatory2!, [k]: v } })}
                />
              ))}
              <AssetPicker
                kind="signature2"
                has={hasAsset('signature2')}
                accept="image/png,image/jpeg"
                onPick={upload('signature2')}
              />
            </div>
          )}
        </details>

        <div className="cert-save">
          <ErrorAlert error={save.error} />
          {saved && (
            <span className="saved-note" role="status">
              ✓ {t('cert.saved')}
            </span>
          )}
          <button className="btn" onClick={() => setTpl({ fields: defaultTemplate(tpl.orientation).fields })}>
            {t('cert.editor.reset')}
          </button>
          <button className="btn btn-primary" disabled={save.busy} onClick={() => void save.run()}>
            {t('common.save')}
          </button>
        </div>
      </div>

      <div className="cert-editor-main">
        <div className="cert-fields" role="toolbar" aria-label={t('cert.editor.fields')}>
          {FIELD_IDS.map((id) => (
            <button
              key={id}
              className={`chip${selected === id ? ' active' : ''}${tpl.fields[id].visible ? '' : ' hidden'}`}
              aria-pressed={selected === id}
              onClick={() => setSelected(id)}
            >
              {t(`cert.field.${id}` as MsgKey)}
            </button>
          ))}
        </div>
        {selected && f && (
          <div
            className="cert-inspector"
            aria-label={t('cert.editor.inspector', { field: t(`cert.field.${selected}` as MsgKey) })}
          >
            <label className="check">
              <input type="checkbox" checked={f.visible} onChange={(e) => setField(selected, { visible: e.target.checked })} />
              {t('cert.editor.visible')}
            </label>
            <label>
              {t('cert.editor.size')}
              <input
                type="number"
                className="cert-num"
                min={5}
                max={96}
                step={0.5}
                value={f.size}
                onChange={(e) => setField(selected, { size: Number(e.target.value) || f.size })}
              />
            </label>
            <label className="check">
              <input type="checkbox" checked={f.bold} onChange={(e) => setField(selected, { bold: e.target.checked })} />
              {t('cert.editor.bold')}
            </label>
            <select
              aria-label={t('cert.editor.align')}
              value={f.align}
              onChange={(e) => setField(selected, { align: e.target.value as FieldBox['align'] })}
            >
              {(['left', 'center', 'right'] as const).map((a) => (
                <option key={a} value={a}>
                  {t(`cert.editor.align.${a}`)}
                </option>
              ))}
            </select>
            <span className="muted small mono" data-testid="cert-box-mm">
              {t('cert.editor.mm', { x: f.x, y: f.y, w: f.w, h: f.h })}
            </span>
          </div>
        )}
        <PagePreview
          template={tpl}
          image={preview.url}
          busy={preview.busy}
          selected={selected}
          onSelect={setSelected}
          onMove={(id, box) => setField(id, box)}
        />
        <ErrorAlert error={preview.error} />
        <p className="muted small">{t('cert.editor.help')}</p>
      </div>
    </div>
  );
}

function TextField({
  label,
  value,
  placeholder,
  onChange,
}: {
  label: string;
  value: string;
  placeholder?: string;
  onChange: (v: string) => void;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function AssetPicker({
  kind,
  has,
  accept,
  onPick,
}: {
  kind: CertAssetKind;
  has: boolean;
  accept: string;
  onPick: (f: File | null) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="cert-asset">
      <label className="btn btn-small">
        {t(has ? `cert.asset.replace.${kind}` : `cert.asset.choose.${kind}`)}
        <input
          type="file"
          accept={accept}
          className="sr-only"
          onChange={(e) => {
            onPick(e.target.files?.[0] ?? null);
            e.target.value = '';
          }}
        />
      </label>
      {has && (
        <button type="button" className="btn btn-link" onClick={() => onPick(null)}>
          {t('cert.asset.remove')}
        </button>
      )}
    </div>
  );
}
