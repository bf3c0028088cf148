// What a desk remembers between sessions, per kiosk (this browser profile): the camera, the
// mirror, the sound, the desk's name. localStorage, because none of it belongs in the database:
// another desk on the same kiosk has its own camera and its own volume.

const PREFIX = 'hadir.checkin.';

export function readPref(name: string): string | null {
  try {
    return localStorage.getItem(PREFIX + name);
  } catch {
    return null; // storage disabled: the desk still works, it just forgets
  }
}

export function writePref(name: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(PREFIX + name);
    else localStorage.setItem(PREFIX + name, value);
  } catch {
    /* see readPref */
  }
}

export const readFlag = (name: string, fallback: boolean) => {
  const v = readPref(name);
  return v === null ? fallback : v === '1';
};
export const writeFlag = (name: string, v: boolean) => writePref(name, v ? '1' : '0');
