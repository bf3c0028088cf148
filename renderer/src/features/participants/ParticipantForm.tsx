import { useState, type FormEvent } from 'react';
import { participantInput, type Participant, type ParticipantInput } from '../../../../electron/shared/participant';
import { api } from '../../api';
import { Field } from '../../components/Field';
import { fieldErrors } from '../../components/zod-errors';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/Modal';
import { useAction, useOp } from '../../hooks/useOp';
import { useDesk } from '../desk/desk-context';
import { parsePercent, showPercent } from '../payments/amounts';

type Draft = Record<Exclude<keyof ParticipantInput, 'gender'>, string> & { gender: '' | 'L' | 'P' };
const TEXT_FIELDS = ['regency', 'district', 'institution', 'externalId'] as const;
const PERSONAL = ['nik', 'phone', 'email'] as const;
/** Issue 20's fields, in the order a civil servant's identity is written. */
const PAPERWORK = ['nip', 'rank', 'position', 'birthPlace', 'birthDate', 'npwp', 'bank', 'accountNo'] as const;
const NUMERIC = new Set<string>(['nik', 'phone', 'nip', 'npwp', 'accountNo']);

function toDraft(p?: Participant, role = 'Peserta'): Draft {
  return {
    externalId: p?.externalId ?? '',
    name: p?.name ?? '',
    gender: p?.gender ?? '',
    regency: p?.regency ?? '',
    district: p?.district ?? '',
    institution: p?.institution ?? '',
    nik: p?.nik ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    role: p?.role ?? role,
    nip: p?.nip ?? '',
    birthPlace: p?.birthPlace ?? '',
    birthDate: p?.birthDate ?? '',
    rank: p?.rank ?? '',
    position: p?.position ?? '',
    npwp: p?.npwp ?? '',
    bank: p?.bank ?? '',
    accountNo: p?.accountNo ?? '',
  };
}

/** Add or edit one participant, in a dialog. `existing` is the full (unmasked) record. */
export function ParticipantForm({
  existing,
  roles,
  onClose,
  onSaved,
}: {
  existing?: Participant;
  roles: string[];
  onClose: () => void;
  onSaved: (p: Participant) => void;
}) {
  const { t, tz } = useI18n();
  const scope = useDesk();
  const [d, setD] = useState<Draft>(toDraft(existing, roles[0]));
  // The list's facets may still be loading when the form opens: ask for the roles here too. If
  // that fails, the form still works with the roles it was given, and says what went wrong.
  const facets = useOp(() => api('participants.facets', { eventId: scope.eventId }), [scope.eventId]);
  const [added, setAdded] = useState<string[] | null>(null);
  const roleList = added ?? facets.data?.roles ?? roles;
  const [attempted, setAttempted] = useState(false);
  // The person's own tax rate (a non-civil-servant's, issue 20): kept beside the record, in the
  // event's payment settings; '' = none (the event's rate for non-civil-servants applies).
  const settings = useOp(() => api('payments.settings', { eventId: scope.eventId }), [scope.eventId]);
  const storedBp = existing ? settings.data?.personalRates.find((r) => r.participantId === existing.id)?.rateBp : undefined;
  const [taxText, setTaxText] = useState<string | null>(null);
  const taxShown = taxText ?? (storedBp === undefined ? '' : showPercent(storedBp));
  const taxBp = taxShown.trim() === '' ? null : parsePercent(taxShown);
  const taxInvalid = taxShown.trim() !== '' && taxBp === null;
  const check = (draft: Draft) => participantInput.safeParse({ ...draft, gender: draft.gender || null });
  const result = attempted ? check(d) : null;
  const errors = result && !result.success ? fieldErrors(result.error, d, tz, t('common.required')) : {};
  const set = (k: keyof Draft) => (ev: { target: { value: string } }) => setD({ ...d, [k]: ev.target.value });

  const addRole = useAction(async () => {
    const name = window.prompt(t('form.newRolePrompt'))?.trim();
    if (!name) return;
    setAdded(await api('roles.add', { ...scope, name }));
    setD((cur) => ({ ...cur, role: name }));
  });

  const save = useAction(async (data: ParticipantInput) => {
    const saved = existing
      ? await api('participants.update', { ...scope, id: existing.id, data })
      : await api('participants.create', { ...scope, ...data });
    // Only when typed: opening and saving a record leaves its rate as it was.
    if (taxText !== null && taxBp !== (storedBp ?? null)) await api('payments.setTaxRate', { ...scope, participantId: saved.id, rateBp: taxBp });
    onSaved(saved);
  });

  function submit(ev: FormEvent) {
    ev.preventDefault();
    setAttempted(true);
    const parsed = check(d);
    if (parsed.success && !taxInvalid) void save.run(parsed.data);
  }

  return (
    <Modal labelledBy="pf-title" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="pf-title">{existing ? t('form.editTitle') : t('form.addTitle')}</h2>
        <div className="grid-2">
          <Field label={t('field.name')} error={errors.name} wide>
            <input name="name" data-autofocus value={d.name} onChange={set('name')} />
          </Field>
          <Field label={t('field.gender')} error={errors.gender}>
            <select name="gender" value={d.gender} onChange={set('gender')}>
              <option value="">{t('gender.none')}</option>
              <option value="L">{t('gender.L')}</option>
              <option value="P">{t('gender.P')}</option>
            </select>
          </Field>
          <Field label={t('field.role')} error={errors.role}>
            <select
              name="role"
              value={d.role}
              onChange={(ev) => (ev.target.value === '\u0000new' ? void addRole.run() : set('role')(ev))}
            >
              {roleList.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
              <option value={'\u0000new'}>{t('form.newRole')}</option>
            </select>
          </Field>
          {TEXT_FIELDS.map((k) => (
            <Field key={k} label={t(`field.${k}`)} error={errors[k]}>
              <input name={k} value={d[k]} onChange={set(k)} />
            </Field>
          ))}
          {PERSONAL.map((k) => (
            <Field key={k} label={t(`field.${k}`)} error={errors[k]}>
              <input name={k} value={d[k]} onChange={set(k)} inputMode={k === 'email' ? 'email' : 'numeric'} autoComplete="off" />
            </Field>
          ))}
        </div>
        <p className="muted small">{t('form.personalNote')}</p>
        {/* Open when the record already has any of them: an edit must show what is stored. */}
        <details
          className="paperwork"
          open={PAPERWORK.some((k) => d[k] !== '') || PAPERWORK.some((k) => errors[k]) || taxShown !== '' || (attempted && taxInvalid)}
        >
          <summary>{t('form.paperwork')}</summary>
          <div className="grid-2">
            {PAPERWORK.map((k) => (
              <Field key={k} label={t(`field.${k}`)} error={errors[k]}>
                <input name={k} value={d[k]} onChange={set(k)} inputMode={NUMERIC.has(k) ? 'numeric' : undefined} autoComplete="off" />
              </Field>
            ))}
            <Field label={t('pay.personalRate')} error={attempted && taxInvalid ? t('pay.personalRate.invalid') : undefined} hint={t('pay.personalRate.hint')}>
              <input name="taxRate" value={taxShown} onChange={(e) => setTaxText(e.target.value)} inputMode="decimal" autoComplete="off" />
            </Field>
          </div>
          <p className="muted small">{t('form.paperworkNote')}</p>
        </details>
        <ErrorAlert error={save.error ?? addRole.error ?? facets.error} />
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={save.busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
