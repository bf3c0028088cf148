import type { Colour } from '../../../../electron/shared/checkin';

// Verdict sounds made with Web Audio: nothing to fetch or bundle, and each verdict has its own
// shape, so an operator looking at the queue hears which it was. Electron's kiosk window allows
// audio without a prior click (autoplayPolicy in window-options.ts); a browser desk may stay
// silent until the first click, which is harmless.

interface Tone {
  freq: number;
  start: number;
  dur: number;
  type: OscillatorType;
  gain: number;
}

const TONES: Record<Colour, Tone[]> = {
  // Rising pair: "yes".
  green: [
    { freq: 880, start: 0, dur: 0.09, type: 'sine', gain: 0.35 },
    { freq: 1320, start: 0.11, dur: 0.14, type: 'sine', gain: 0.35 },
  ],
  // Two equal mid tones: "look at the screen".
  amber: [
    { freq: 660, start: 0, dur: 0.12, type: 'triangle', gain: 0.4 },
    { freq: 660, start: 0.2, dur: 0.12, type: 'triangle', gain: 0.4 },
  ],
  // Low buzz: "stop".
  red: [{ freq: 196, start: 0, dur: 0.45, type: 'square', gain: 0.18 }],
  // A short, quiet tick: something was read, but not a badge.
  not_a_badge: [{ freq: 520, start: 0, dur: 0.05, type: 'sine', gain: 0.15 }],
};

let audio: AudioContext | null = null;

export function playVerdict(colour: Colour): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const t0 = audio.currentTime + 0.01;
    for (const tone of TONES[colour]) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = tone.type;
      osc.frequency.value = tone.freq;
      // A few ms of attack and release: no click at the edges.
      gain.gain.setValueAtTime(0, t0 + tone.start);
      gain.gain.linearRampToValueAtTime(tone.gain, t0 + tone.start + 0.008);
      gain.gain.setValueAtTime(tone.gain, t0 + tone.start + tone.dur - 0.015);
      gain.gain.linearRampToValueAtTime(0, t0 + tone.start + tone.dur);
      osc.connect(gain).connect(audio.destination);
      osc.start(t0 + tone.start);
      osc.stop(t0 + tone.start + tone.dur + 0.02);
    }
  } catch {
    // No audio device: the verdict is on screen anyway.
  }
}
