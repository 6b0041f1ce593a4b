import { createContext, useContext } from 'react';

export interface Notice {
  text: string;
  tone?: 'info' | 'success' | 'error';
  at?: number;
}

export const NoticeContext = createContext<(n: Notice) => void>(() => undefined);

/** Show a short status message in the page's polite live region. */
export function useNotify(): (n: Notice) => void {
  return useContext(NoticeContext);
}
