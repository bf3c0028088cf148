import { useRef } from 'react';

/**
 * A button that opens the file chooser and hands over the chosen file. The input is emptied after
 * each choice, so choosing the same file again (after fixing it) still fires.
 */
export function FileButton({
  accept,
  label,
  disabled,
  onFile,
  testId,
  className = 'btn btn-secondary',
}: {
  accept: string;
  label: string;
  disabled?: boolean;
  onFile: (file: File) => void;
  /** The input's test id: tests set files on it directly. */
  testId?: string;
  className?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <button type="button" className={className} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
    </>
  );
}
