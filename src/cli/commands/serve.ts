// `tactful serve [--port 4870] [--host 127.0.0.1] [--allow-host NAME…]`: the web app and API.
import { InvalidArgumentError, type Command } from 'commander';
import type { CommandContext } from '../context.js';

interface ServeFlags {
  port: number;
  host: string;
  allowHost?: string[];
  allowOrigin?: string[];
  log?: boolean;
}

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535)
    throw new InvalidArgumentError('a port number 0–65535');
  return Number(value);
}

export function registerServe(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('serve the web app and the HTTP API (http://127.0.0.1:4870 by default)')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 4870)
    .option('--host <address>', 'loopback address to bind (127.0.0.1 or ::1): without sign-in only this computer may connect', '127.0.0.1')
    .option(
      '--allow-host <name...>',
      'extra Host names this computer answers to (localhost and the bound address always work)',
    )
    .option(
      '--allow-origin <origin...>',
      'extra origins that may write, e.g. http://localhost:5173 for the Vite dev server',
    )
    .option('--log', 'log every request')
    .action(async (flags: ServeFlags) => {
      // main/ owns listen(): loaded only for this command, so other commands stay fast.
      const { serveForever } = await import('../../main/server.js');
      await serveForever(
        ctx.config,
        {
          port: flags.port,
          host: flags.host,
          allowedHosts: flags.allowHost ?? [],
          allowedOrigins: flags.allowOrigin ?? [],
          log: flags.log === true,
        },
        (line) => ctx.print(line),
      );
    });
}
