// The built web app (`web/dist`) at `/`: hashed assets cached for a year, index.html never
// cached, and every non-/api path falls back to index.html (client-side routes). Without a
// build, `/` explains how to make one. Unknown /api paths answer a JSON 404.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { ZodApp } from './context.js';

const NO_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tactful</title></head>
<body><h1>tactful</h1>
<p>The web app is not built yet. Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload this page.</p>
<p>The API is running: <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>
`;

const YEAR_SECONDS = 365 * 24 * 3600;

export async function staticRoutes(app: ZodApp, webRoot: string | null): Promise<void> {
  const root = webRoot !== null && existsSync(join(webRoot, 'index.html')) ? webRoot : null;
  if (root !== null) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: false,
      cacheControl: false,
      // web/dist holds .br and .gz beside each asset (scripts/precompress.js).
      preCompressed: true,
      schemaHide: true,
      setHeaders: (reply, path) => {
        // Vite names assets by content hash: a changed file is a new URL.
        const immutable = /[\\/]assets[\\/]/.test(path);
        reply.header(
          'cache-control',
          immutable ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache',
        );
      },
    });
    // `/` itself is the app, not a directory listing.
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const isPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      path !== '/api' &&
      !path.startsWith('/api/');
    if (!isPage) {
      return reply
        .status(404)
        .send({ code: 'not_found', message: `no route ${request.method} ${path}` });
    }
    if (root === null)
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(NO_BUILD_PAGE);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
