// Every write answer says which activity it recorded, in one place: the `Tactful-Activity`
// response header (the activity id; absent when the request changed no facts). The web app
// offers "Undo" for it. The unit of work is wrapped per app; a request's activity is found
// through AsyncLocalStorage, so routes and use cases stay unaware of it.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { UnitOfWork } from '../app/ports.js';
import type { ZodApp } from './context.js';

export const ACTIVITY_HEADER = 'tactful-activity';

export function trackActivities(app: ZodApp, uow: UnitOfWork): UnitOfWork {
  const requests = new AsyncLocalStorage<{ activity: number | null }>();
  app.addHook('onRequest', (_request, _reply, done) => {
    requests.run({ activity: null }, done);
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    const activity = requests.getStore()?.activity;
    if (activity !== null && activity !== undefined && reply.statusCode < 400) {
      void reply.header(ACTIVITY_HEADER, String(activity));
    }
    return payload;
  });
  return {
    read: (work) => uow.read(work),
    async transaction(work) {
      let activity: number | null = null;
      const result = await uow.transaction(async (repo) => {
        const value = await work(repo);
        activity = repo.activityId();
        return value;
      });
      const store = requests.getStore();
      if (store && activity !== null) store.activity = activity;
      return result;
    },
  };
}
