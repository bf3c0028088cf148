import { useState } from 'react';
import type { Colour } from '../../../../electron/shared/checkin';
import { useI18n, type MsgKey } from '../../i18n';
import { playVerdict } from '../checkin/sounds';

const TONES: { colour: Colour; label: MsgKey }[] = [
  { colour: 'green', label: 'devcheck.sound.green' },
  { colour: 'amber', label: 'devcheck.sound.amber' },
  { colour: 'red', label: 'devcheck.sound.red' },
];

/** The check-in desk's own verdict sounds (checkin/sounds.ts), one button each. */
export function SoundCheck() {
  const { t } = useI18n();
  const [played, setPlayed] = useState<MsgKey | null>(null);
  return (
    <section className="card devcheck-card" aria-labelledby="devcheck-sound-title" data-testid="devcheck-sound">
      <h2 id="devcheck-sound-title">{t('devcheck.sound.title')}</h2>
      <p className="muted">{t('devcheck.sound.hint')}</p>
      <div className="actions start">
        {TONES.map((tone) => (
          <button
            key={tone.colour}
            className={`btn devcheck-tone devcheck-tone-${tone.colour}`}
            onClick={() => (playVerdict(tone.colour), setPlayed(tone.label))}
          >
            ♪ {t(tone.label)}
          </button>
        ))}
      </div>
      {played && (
        <p className="muted" role="status" data-testid="devcheck-sound-played">
          {t('devcheck.sound.played', { tone: t(played) })}
        </p>
      )}
    </section>
  );
}
