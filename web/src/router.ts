// Hash routing: `#/today`, `#/applications/a1`, `#/debrief/a1/i2`. No server routes needed.
import { useEffect, useState } from 'react';
import { confirmLeave } from './unsaved.js';

export type Route =
  | { page: 'today' }
  | { page: 'applications' }
  | { page: 'application'; id: string }
  | { page: 'debrief'; applicationId: string | null; interviewId: string | null }
  | { page: 'contacts' }
  | { page: 'insights' }
  | { page: 'outbox' }
  | { page: 'settings' }
  | { page: 'activity' }
  | { page: 'trash' }
  | { page: 'import' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  switch (parts[0]) {
    case 'applications':
      return parts[1] ? { page: 'application', id: parts[1] } : { page: 'applications' };
    case 'debrief':
      return { page: 'debrief', applicationId: parts[1] || null, interviewId: parts[2] || null };
    case 'contacts':
    case 'insights':
    case 'outbox':
    case 'settings':
    case 'activity':
    case 'trash':
    case 'import':
      return { page: parts[0] };
    default:
      return { page: 'today' };
  }
}

export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

/** Where the app itself is sending the seeker (after a save): no "unsaved changes" question. */
let intended: string | null = null;

export function navigate(...parts: string[]): void {
  intended = href(...parts);
  window.location.hash = intended;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let shown = window.location.href;
    const onChange = (): void => {
      const wanted = window.location.hash === intended;
      intended = null;
      // Back/Forward or a typed address away from unsaved input: staying puts the address back.
      if (!wanted && !confirmLeave()) {
        window.history.replaceState(null, '', shown);
        return;
      }
      shown = window.location.href;
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
