import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { FIELD_IDS, type CertTemplate, type FieldBox, type FieldId } from '../../../../electron/shared/certificates';
import { useI18n, type MsgKey } from '../../i18n';

const PAGE = { landscape: { w: 297, h: 210 }, portrait: { w: 210, h: 297 } };
const round = (v: number) => Math.round(v * 2) / 2; // half millimetres: enough, and readable

/**
 * The real page (pdf.js image of certificates.preview) with each field's box drawn over it.
 * Drag a box to move it, its corner to resize it; arrow keys move the selected box by 1 mm
 * (Shift: 5 mm). Boxes are in millimetres from the top-left, as the renderer reads them.
 */
export function PagePreview({
  template,
  image,
  busy,
  selected,
  onSelect,
  onMove,
}: {
  template: CertTemplate;
  image: string | null;
  busy: boolean;
  selected: FieldId | null;
  onSelect: (f: FieldId) => void;
  onMove: (f: FieldId, box: Pick<FieldBox, 'x' | 'y' | 'w' | 'h'>) => void;
}) {
  const { t } = useI18n();
  const page = PAGE[template.orientation];
  const frame = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ id: FieldId; mode: 'move' | 'size'; x0: number; y0: number; box: FieldBox } | null>(null);

  const mmPerPx = () => page.w / (frame.current?.clientWidth || page.w);
  const start = (id: FieldId, mode: 'move' | 'size') => (e: ReactPointerEvent) => {
    e.preventDefault();
    e.stopPropagation();
    // preventDefault (no text selection, no native drag) also stops the box taking focus, and
    // then the arrow keys went nowhere after a click or a drag (issue 16, defect 7): focus it.
    (e.currentTarget as HTMLElement).closest<HTMLElement>('.cert-box')?.focus({ preventScroll: true });
    (e.target as Element).setPointerCapture(e.pointerId);
    onSelect(id);
    setDrag({ id, mode, x0: e.clientX, y0: e.clientY, box: template.fields[id] });
  };
  const move = (e: ReactPointerEvent) => {
    if (!drag) return;
    const k = mmPerPx();
    const dx = (e.clientX - drag.x0) * k;
    const dy = (e.clientY - drag.y0) * k;
    const b = drag.box;
    if (drag.mode === 'move') {
      onMove(drag.id, {
        x: round(Math.min(Math.max(0, b.x + dx), page.w - b.w)),
        y: round(Math.min(Math.max(0, b.y + dy), page.h - b.h)),
        w: b.w,
        h: b.h,
      });
    } else {
      onMove(drag.id, {
        x: b.x,
        y: b.y,
        w: round(Math.min(Math.max(5, b.w + dx), page.w - b.x)),
        h: round(Math.min(Math.max(3, b.h + dy), page.h - b.y)),
      });
    }
  };
  const key = (id: FieldId) => (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 5 : 1;
    const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!d) return;
    e.preventDefault();
    const b = template.fields[id];
    onMove(id, {
      x: Math.min(Math.max(0, b.x + d[0]!), page.w - b.w),
      y: Math.min(Math.max(0, b.y + d[1]!), page.h - b.h),
      w: b.w,
      h: b.h,
    });
  };

  return (
    <div className="cert-page-wrap">
      <div
        ref={frame}
        className={`cert-page${busy ? ' busy' : ''}`}
        style={{ aspectRatio: `${page.w} / ${page.h}`, ['--page-ratio' as string]: page.w / page.h }}
        onPointerMove={move}
        onPointerUp={() => setDrag(null)}
        data-testid="cert-page"
      >
        {image ? (
          <img src={image} alt={t('cert.editor.previewAlt')} draggable={false} />
        ) : (
          <div className="cert-page-empty">{t('common.loading')}</div>
        )}
        {FIELD_IDS.filter((id) => template.fields[id].visible).map((id) => {
          const b = template.fields[id];
          return (
            <div
              key={id}
              role="button"
              tabIndex={0}
              aria-label={t('cert.editor.box', { field: t(`cert.field.${id}` as MsgKey) })}
              aria-pressed={selected === id}
              className={`cert-box${selected === id ? ' selected' : ''}`}
              data-field={id}
              style={{
                left: `${(b.x / page.w) * 100}%`,
                top: `${(b.y / page.h) * 100}%`,
                width: `${(b.w / page.w) * 100}%`,
                height: `${(b.h / page.h) * 100}%`,
              }}
              onPointerDown={start(id, 'move')}
              onKeyDown={key(id)}
              onFocus={() => onSelect(id)}
            >
              <span className="cert-box-label">{t(`cert.field.${id}` as MsgKey)}</span>
              <span className="cert-box-handle" onPointerDown={start(id, 'size')} aria-hidden />
            </div>
          );
        })}
      </div>
    </div>
  );
}
