// Runs one invocation: parse, act, and turn any failure into one stderr line and an exit code.
import { CommanderError } from 'commander';
import { CommandContext, type CliDeps } from './context.js';
import { describeFailure, EXIT_OK } from './errors.js';
import { buildProgram } from './program.js';

/** Resolves to the process exit code; never rejects. `argv` excludes `node` and the script. */
export async function runCli(argv: string[], deps: CliDeps, debugFallback = false): Promise<number> {
  const ctx = new CommandContext(deps);
  try {
    const program = buildProgram(ctx);
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_OK;
    }
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return EXIT_OK;
    const failure = describeFailure(error);
    deps.stderr(`tactful: ${failure.message}\n`);
    const debug = ctx.configIfLoaded?.debug ?? debugFallback;
    if (debug && error instanceof Error && error.stack) deps.stderr(`${error.stack}\n`);
    return failure.exitCode;
  } finally {
    await ctx.close();
  }
}
