import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A confirmation that takes the place of the button that opened it (or disables it): the keyboard
 * (issue 19, item 4) gets the focus back on that button when it closes, by "Batal", Escape or
 * once done. Not on the first render, nor when something else closes it.
 */
export function useConfirming<T extends HTMLElement = HTMLButtonElement>() {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<T>(null);
  const back = useRef(false);
  useEffect(() => {
    if (!confirming && back.current) opener.current?.focus();
    back.current = false;
  }, [confirming]);
  const open = useCallback(() => setConfirming(true), []);
  const close = useCallback(() => ((back.current = true), setConfirming(false)), []);
  return { confirming, open, close, opener };
}
