import { createContext, useContext } from 'react';

export interface Notice {
  text: string;
  tone?: 'info' | 'success' | 'error';
  at?: number;
  /** The activity this notice confirms: the notice offers "Undo" (filled in by the shell). */
  activity?: number | null;
}

export const NoticeContext = createContext<(n: Notice) => void>(() => undefined);

/** Show a short status message in the page's polite live region. */
export function useNotify(): (n: Notice) => void {
  return useContext(NoticeContext);
}
