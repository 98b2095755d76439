import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

/** A user mistake on the command line: printed without a stack trace, exit 2 (or the code given). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

/** Parses flags strictly; unknown flags and missing values become a UsageError with the usage line. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify a positional.*$/s, '')}\nusage: ${usage}`);
  }
}

/** Reads an integer flag in a range, or says what was wrong. */
export function intFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim()))
    throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, found ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name}: expected a whole number from ${min} to ${max}, found ${n}`);
  return n;
}

/** Runs a CLI main: user mistakes print their message and exit 2; anything else is a bug and shows its stack. */
export async function runCli(main: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = e.code;
    } else throw e;
  }
}
