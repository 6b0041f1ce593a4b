// "You have unsaved changes": a form registers while it holds typed-but-unsaved input; leaving
// the page (a link, Back, a reload, closing the tab) then asks first. In-app navigation is a
// hash change, which cannot be cancelled: links are stopped before they fire, and Back/Forward
// put the previous address back when the seeker chooses to stay.
import { useCallback, useEffect, useState } from 'react';

const dirty = new Set<symbol>();

export const LEAVE_QUESTION = 'You have unsaved changes. Leave this page and lose them?';

export function hasUnsavedChanges(): boolean {
  return dirty.size > 0;
}

/** True when the seeker may leave: nothing unsaved, or they said so. */
export function confirmLeave(): boolean {
  if (!hasUnsavedChanges()) return true;
  if (!window.confirm(LEAVE_QUESTION)) return false;
  // They chose to leave: the forms being left must not ask again.
  dirty.clear();
  return true;
}

/** Registers the calling form as holding unsaved changes while `isDirty` is true. */
export function useUnsavedChanges(isDirty: boolean): void {
  useEffect(() => {
    if (!isDirty) return;
    const token = Symbol('unsaved');
    dirty.add(token);
    return () => {
      dirty.delete(token);
    };
  }, [isDirty]);
}

/** Installs the page-wide guards once (called by the app shell). */
export function installLeaveGuards(): () => void {
  const beforeUnload = (e: BeforeUnloadEvent): void => {
    if (!hasUnsavedChanges()) return;
    e.preventDefault();
    // Older browsers need returnValue set to show their own question.
    e.returnValue = '';
  };
  // Capture phase: ask before the link changes the hash.
  const click = (e: MouseEvent): void => {
    if (!hasUnsavedChanges() || e.defaultPrevented || e.button !== 0) return;
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const link = (e.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement)) return;
    if (link.target === '_blank' || link.hasAttribute('download')) return;
    const to = link.getAttribute('href') ?? '';
    if (!to.startsWith('#') || to === window.location.hash || to === '#main') return;
    if (!confirmLeave()) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  window.addEventListener('beforeunload', beforeUnload);
  document.addEventListener('click', click, true);
  return () => {
    window.removeEventListener('beforeunload', beforeUnload);
    document.removeEventListener('click', click, true);
  };
}

/**
 * For a form: any input event inside it marks it dirty (`<form onChange={form.markDirty}>`),
 * a successful save marks it clean.
 */
export function useDirtyForm(): { dirty: boolean; markDirty: () => void; markSaved: () => void } {
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty);
  return {
    dirty,
    markDirty: useCallback(() => setDirty(true), []),
    markSaved: useCallback(() => setDirty(false), []),
  };
}
