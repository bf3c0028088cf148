import { useState } from 'react';
import type { FileResult } from '../../../../electron/shared/file';
import { saveFile } from '../../api';

/**
 * A file made by an operation, then saved: the save dialog in the app, a download in a browser.
 * `busy` names the button whose file is being made (the others wait), `error` what went wrong.
 */
export function useFileSave() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function fetchFile(what: string, get: () => Promise<FileResult>) {
    setBusy(what);
    setError(null);
    try {
      await saveFile(await get());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  return { busy, error, fetchFile };
}
