// Saves the seeker's draft text on the server as they type: 600 ms after the last keystroke,
// and at once on blur, on leaving the step (unmount) and when the page is hidden or unloaded.
// Each save carries a revision above every earlier one (the clock in ms, never lower than the
// last), so the server keeps the newest text whatever order the requests arrive in.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type DraftEditSaved } from '../api.js';
import { toApiError } from '../use-load.js';

const DEBOUNCE_MS = 600;

/** Saves still on their way, by step: loading a step's draft waits for its own last save. */
const inFlight = new Map<string, Promise<unknown>>();

/** Resolves once the saves already sent for `stepId` are answered (whatever the answer). */
export function savesSettled(stepId: string): Promise<void> {
  return Promise.resolve(inFlight.get(stepId)).then(
    () => undefined,
    () => undefined,
  );
}

function track<T>(stepId: string, work: Promise<T>): Promise<T> {
  const all = Promise.allSettled([inFlight.get(stepId), work]);
  inFlight.set(stepId, all);
  void all.then(() => {
    if (inFlight.get(stepId) === all) inFlight.delete(stepId);
  });
  return work;
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

interface Text {
  subject: string | null;
  body: string;
}

export interface DraftAutosave {
  state: SaveState;
  error: string | null;
  /** Call on every change of the text. */
  changed(text: Text): void;
  /** Saves what is pending now (blur, before a download). */
  flush(): Promise<void>;
  /** Forgets the edit on the server ("Back to the suggested text"). */
  reset(): Promise<void>;
  /** The stored revision from the loaded draft: the next save goes above it. */
  start(revision: number): void;
}

export function useDraftAutosave(stepId: string): DraftAutosave {
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<Text | null>(null);
  const timer = useRef<number | null>(null);
  const revision = useRef(0);
  const live = useRef(true);

  const nextRevision = (): number => {
    revision.current = Math.max(Date.now(), revision.current + 1);
    return revision.current;
  };

  const send = useCallback(
    async (text: Text, keepalive: boolean): Promise<void> => {
      let mine = nextRevision();
      const update = (s: SaveState) => live.current && setState(s);
      update('saving');
      try {
        const saved: DraftEditSaved = await track(
          stepId,
          api.saveDraftEdit(stepId, { revision: mine, ...text }, keepalive),
        );
        // Refused as older although nothing newer left this page: another tab or a clock
        // behind the server's. The seeker's latest words win: save again above it.
        if (!saved.applied && mine === revision.current && saved.revision >= mine) {
          revision.current = saved.revision;
          mine = nextRevision();
          await track(stepId, api.saveDraftEdit(stepId, { revision: mine, ...text }, keepalive));
        }
        if (live.current) setError(null);
        // A newer save still in flight reports for itself.
        if (mine === revision.current) update(pending.current ? 'pending' : 'saved');
      } catch (e) {
        if (live.current) setError(toApiError(e).message);
        update('error');
        // Keep the text to try again on the next change or flush.
        pending.current ??= text;
      }
    },
    [stepId],
  );

  const flushWith = useCallback(
    (keepalive: boolean): Promise<void> => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      const text = pending.current;
      pending.current = null;
      return text ? send(text, keepalive) : Promise.resolve();
    },
    [send],
  );

  const changed = useCallback(
    (text: Text): void => {
      pending.current = text;
      setState('pending');
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flushWith(false), DEBOUNCE_MS);
    },
    [flushWith],
  );

  const reset = useCallback(async (): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    setState('saving');
    try {
      await track(stepId, api.resetDraftEdit(stepId, nextRevision()));
      if (live.current) {
        setError(null);
        setState('idle');
      }
    } catch (e) {
      if (live.current) {
        setError(toApiError(e).message);
        setState('error');
      }
      throw e;
    }
  }, [stepId]);

  // Leaving the step, hiding or closing the page: save now; keepalive outlives the page.
  useEffect(() => {
    live.current = true;
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') void flushWith(true);
    };
    const leave = (): void => void flushWith(true);
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', leave);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', leave);
      live.current = false;
      void flushWith(true);
    };
  }, [flushWith]);

  return {
    state,
    error,
    changed,
    flush: () => flushWith(false),
    reset,
    start: (stored: number) => {
      revision.current = Math.max(revision.current, stored);
    },
  };
}
