import { useId, useRef, type ReactNode } from 'react';

/**
 * A button whose action asks first, in a modal <dialog>: the browser keeps
 * focus inside it and Escape cancels, so the question works by keyboard too.
 */
export function ConfirmButton({
  children,
  label,
  title,
  confirmLabel,
  busy = false,
  onConfirm,
  question,
}: {
  /** What the button shows. */
  children: ReactNode;
  /** Its accessible name, when the text alone is ambiguous ("Remove" → "Remove Bob Senior"). */
  label?: string;
  title: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  question: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = () => dialog.current?.close();
  return (
    <>
      <button type="button" className="danger" aria-label={label} disabled={busy} aria-busy={busy} onClick={() => dialog.current?.showModal()}>
        {children}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="confirm">
        <h2 id={titleId}>{title}</h2>
        {question}
        <div className="toolbar">
          <button
            type="button"
            className="danger"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
          <button type="button" onClick={close} autoFocus>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
