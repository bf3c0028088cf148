import { useEffect } from 'react';

/** A short message at the bottom of the screen, with an optional action (e.g. Undo). */
export function Toast({
  text,
  action,
  onAction,
  onClose,
  ms = 8000,
}: {
  text: string;
  action?: string;
  onAction?: () => void;
  onClose: () => void;
  ms?: number;
}) {
  useEffect(() => {
    const id = setTimeout(onClose, ms);
    return () => clearTimeout(id);
  }, [text, ms, onClose]);
  return (
    <div className="toast" role="status">
      <span>{text}</span>
      {action && (
        <button className="btn btn-ghost-light" onClick={onAction}>
          {action}
        </button>
      )}
    </div>
  );
}
