import { useEffect, useRef } from 'react';

/**
 * An inline confirmation (role alertdialog) for an action that drops something: revoking a desk,
 * a new key, closing the hub. It takes the focus on its first button when it opens; Escape or the
 * second button cancels. Where the focus goes after it is the caller's (the button that opened it,
 * or the list when that button is gone).
 */
export function ConfirmAlert(props: {
  /** The id of the sentence, for aria-describedby. */
  id: string;
  label: string;
  text: string;
  yes: string;
  no: string;
  onYes: () => void;
  onCancel: () => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="alert alert-warn"
      role="alertdialog"
      aria-label={props.label}
      aria-describedby={props.id}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <span id={props.id}>{props.text}</span>
      <div className="actions start">
        <button ref={first} className="btn btn-primary" onClick={props.onYes}>
          {props.yes}
        </button>
        <button className="btn" onClick={props.onCancel}>
          {props.no}
        </button>
      </div>
    </div>
  );
}
