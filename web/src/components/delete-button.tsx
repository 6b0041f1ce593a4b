// "Delete…": asks first, naming what goes with the record (the server's preview), then moves
// it to the Trash. The confirmation notice offers Undo; the Trash restores it too.
import { useState } from 'react';
import { api, type DeletePreview, type RecordType } from '../api.js';
import { useNotify } from '../notice.js';
import { useRefreshPage } from '../refresh.js';
import { toApiError } from '../use-load.js';
import { ConfirmDialog } from './dialog.js';

interface Props {
  entity: RecordType;
  id: string;
  /** For an interview or interaction: the application it belongs to. */
  applicationId?: string | null;
  /** What the button says to a screen reader after "Delete" ("Northwind Analytics"). */
  name: string;
  className?: string;
  /** After the delete (default: the page reloads its data). */
  onDeleted?: () => void;
}

export function DeleteButton({ entity, id, applicationId, name, className, onDeleted }: Props) {
  const notify = useNotify();
  const refresh = useRefreshPage();
  const [preview, setPreview] = useState<DeletePreview | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      const result = await api.deleteRecord(entity, id, applicationId);
      setPreview(null);
      notify({ text: `${result.summary}: moved to the Trash`, tone: 'success' });
      (onDeleted ?? refresh)();
    } catch (e) {
      setPreview(null);
      notify({ text: toApiError(e).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={className ?? 'link danger'}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            setPreview(await api.deletePreview(entity, id));
          } catch (e) {
            notify({ text: toApiError(e).message, tone: 'error' });
          } finally {
            setBusy(false);
          }
        }}
      >
        Delete<span className="sr-only"> {name}</span>
      </button>
      <ConfirmDialog
        open={preview !== null}
        title="Move to the Trash?"
        confirmLabel="Delete"
        danger
        busy={busy}
        onConfirm={() => void remove()}
        onClose={() => setPreview(null)}
      >
        <p>{preview?.question}</p>
        <p className="muted">You can restore it from the Trash, or undo it from the notice.</p>
      </ConfirmDialog>
    </>
  );
}
