import { execFile } from 'node:child_process';

/** What a CLI run printed and how it exited. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx <script> …args` from the project root (not through npm, which prints a banner); `env` adds variables. */
export function runCli(script: string, args: string[], env?: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(env ? { env: { ...process.env, ...env } } : {}) },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** True when the text looks like a stack trace (what a user must never see for their own mistake). */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+[:(]\d+/.test(text) || /\bError:/.test(text);
}
