import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog that keeps the keyboard inside it. An organiser editing a participant once
 * tabbed out of the form into the menu behind it, pressed Enter, and lost the edit: here the
 * page behind is `inert` (no Tab, no click reaches it) and Tab wraps from the last control to the
 * first. Escape closes. On closing, focus goes back to whatever opened the dialog (the row's
 * "Ubah" button), so a keyboard user carries on where they were.
 *
 * Rendered into <body>, beside #root, so that making #root inert leaves the dialog usable.
 */
export function Modal({
  labelledBy,
  onClose,
  children,
  className = '',
}: {
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  // Taken at the first render, before anything inside (an autoFocus field) can take the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const root = document.getElementById('root');
    if (root) root.inert = true;
    // The first field (or the element marked data-autofocus), unless something inside already has focus.
    if (box.current && !box.current.contains(document.activeElement)) {
      const first =
        box.current.querySelector<HTMLElement>('[data-autofocus]') ?? box.current.querySelector<HTMLElement>(FOCUSABLE);
      first?.focus();
    }
    return () => {
      if (root) root.inert = false;
      // After inert is lifted: focus() on an inert element does nothing.
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close.current();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className="modal-backdrop" role="presentation">
      <div
        ref={box}
        className={`modal ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
