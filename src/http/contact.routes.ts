// /api/contacts: list, create, update.
import { z } from 'zod';
import { addContact } from '../app/add-entities.js';
import { contactPatchSchema, idSchema } from '../core/document/index.js';
import type { RouteContext, ZodApp } from './context.js';
import { contactEditSchema, updateContact } from '../app/edit-entities.js';
import { contactSchema, errorSchema, idParamsSchema } from './schemas.js';

const newContactSchema = contactPatchSchema.extend({ id: idSchema.optional() });

export function contactRoutes(app: ZodApp, { deps, cache }: RouteContext): void {
  app.get(
    '/api/contacts',
    { schema: { tags: ['contacts'], response: { 200: z.array(contactSchema) } } },
    async () => {
      return (await cache.loadFacts()).contacts;
    },
  );
  app.post(
    '/api/contacts',
    {
      schema: {
        tags: ['contacts'],
        description: 'The id is generated when omitted; an existing id is a conflict.',
        body: newContactSchema,
        response: { 201: contactSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addContact(deps.uow, request.body)),
  );
  app.put(
    '/api/contacts/:id',
    {
      schema: {
        tags: ['contacts'],
        description: 'Omitted fields keep their value, null resets.',
        params: idParamsSchema,
        body: contactEditSchema,
        response: { 200: contactSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    (request) => updateContact(deps.uow, request.params.id, request.body),
  );
}
