// Hash routing: `#/today`, `#/applications/a1`, `#/debrief/a1/i2`. No server routes needed.
import { useEffect, useState } from 'react';

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
  | { page: 'trash' };

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
      return { page: parts[0] };
    default:
      return { page: 'today' };
  }
}

export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export function navigate(...parts: string[]): void {
  window.location.hash = href(...parts);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
