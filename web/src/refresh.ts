import { createContext, useContext } from 'react';

/** Remounts the current page so it reloads its data (after an undo, a delete or a restore). */
export const RefreshContext = createContext<() => void>(() => undefined);

export function useRefreshPage(): () => void {
  return useContext(RefreshContext);
}
