// The "Undo" of a confirmation notice: undoes the activity the action recorded.
import { useState } from 'react';
import { api } from '../api.js';
import { toApiError } from '../use-load.js';

interface Props {
  activity: number;
  onUndone: (text: string) => void;
  onError: (text: string) => void;
}

export function UndoButton({ activity, onUndone, onError }: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="toast-undo"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const { undone } = await api.undo(activity);
          onUndone(`Undone: ${undone.summary}`);
        } catch (e) {
          onError(toApiError(e).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      Undo
    </button>
  );
}
