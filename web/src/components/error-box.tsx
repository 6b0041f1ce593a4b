import { nameList } from '../labels.js';
import type { ApiError } from '../api.js';

export function ErrorBox({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <div className="error-box" role="alert">
      <p>{error.message}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The message of a failed form submit, beside the form. */
export function FormError({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error.message}
    </p>
  );
}

/**
 * At the top of a form after a refused submit: what no field owns, and which fields (by their
 * labels) need attention. Each field's own message stands beside it.
 */
export function ErrorSummary({
  general,
  labels,
}: {
  general: string | null;
  labels: readonly string[];
}) {
  if (!general && labels.length === 0) return null;
  return (
    <div className="error-summary" role="alert">
      {general && <p>{general}</p>}
      {labels.length > 0 && (
        <p>
          {labels.length === 1 ? 'Please check' : `Please check these ${labels.length} fields:`}{' '}
          {nameList(labels.map((l) => `“${l}”`))}.
        </p>
      )}
    </div>
  );
}
