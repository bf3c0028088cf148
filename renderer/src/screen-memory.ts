// The screen this tab (this desk) shows, kept across reloads (issue 16, defect 12): a reload, or
// the web host restarting under a desk, used to land on Peserta. sessionStorage: each tab and
// window is its own desk, and a new one starts on Peserta.
import { SCREEN_IDS, type Screen } from './components/Header';

const KEY = 'hadir.screen';

export function readScreen(): Screen | null {
  try {
    const v = sessionStorage.getItem(KEY);
    return (SCREEN_IDS as readonly string[]).includes(v ?? '') ? (v as Screen) : null;
  } catch {
    return null; // storage disabled: the desk starts on Peserta, as before
  }
}

export function writeScreen(s: Screen): void {
  try {
    sessionStorage.setItem(KEY, s);
  } catch {
    /* see readScreen */
  }
}
