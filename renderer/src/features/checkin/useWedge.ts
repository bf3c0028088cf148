import { useEffect, useRef } from 'react';
import { WedgeReader } from './wedge';

/**
 * No key for this long ends a burst from a scanner configured without an Enter/Tab suffix
 * (scanners send Enter unless told otherwise). Generous: keys held up behind a busy moment of
 * the page must not split a scan in two.
 */
const IDLE_MS = 250;

type Field = HTMLInputElement | HTMLTextAreaElement;
const isField = (el: Element | null): el is Field => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;

/** A key that types a character (type-ahead), not a navigation key or a shortcut. */
const isCharKey = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && (e.key.length === 1 || (e.altKey && /^Numpad\d$/.test(e.code)));

/** Sets a field's value so React's onChange sees it (React tracks the native value setter). */
function restore(field: Field, value: string) {
  const proto = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Listens for a keyboard-wedge scanner on the whole window, whatever has focus: the operator does
 * not have to click a field first. When a scan was typed into a text field (the search box had
 * focus), the field gets its text back; the Enter or Tab that ended the scan is swallowed so it
 * neither submits a form nor moves the focus. `t` is the timestamp of the scan's last key.
 */
export function useWedge(enabled: boolean, onScan: (text: string, t: number) => void) {
  const handler = useRef(onScan);
  handler.current = onScan;

  useEffect(() => {
    if (!enabled) return;
    const reader = new WedgeReader();
    let timer = 0;
    let lastKeyAt = 0;
    let field: { el: Field; value: string } | null = null;

    const finish = (text: string, t: number) => {
      if (field && field.el.value !== field.value) restore(field.el, field.value);
      field = null;
      handler.current(text, t);
    };
    const onKey = (e: KeyboardEvent) => {
      // A list box takes letters as type-ahead: a scanner's "H" of "HD…" would pick the option
      // starting with H (issue 16, defect 3). On this screen a list is driven by arrows and the
      // mouse; characters are the scanner's. Text fields keep theirs (given back below).
      if (e.type === 'keydown' && document.activeElement instanceof HTMLSelectElement && isCharKey(e)) e.preventDefault();
      const r = reader.feed({
        type: e.type === 'keyup' ? 'keyup' : 'keydown',
        code: e.code,
        key: e.key,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        repeat: e.repeat,
        timeStamp: e.timeStamp,
      });
      if (r.started) {
        const el = document.activeElement;
        field = isField(el) ? { el, value: el.value } : null;
      }
      if (r.swallow) {
        e.preventDefault();
        e.stopPropagation();
      }
      if (r.scan) {
        clearTimeout(timer);
        finish(r.scan, e.timeStamp);
        return;
      }
      if (reader.pending) {
        lastKeyAt = e.timeStamp;
        clearTimeout(timer);
        timer = window.setTimeout(() => {
          const text = reader.idle();
          if (text) finish(text, lastKeyAt);
        }, IDLE_MS);
      }
    };
    // Capture phase: seen before any field or dialog handles (and maybe stops) the key.
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKey, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKey, true);
    };
  }, [enabled]);
}
