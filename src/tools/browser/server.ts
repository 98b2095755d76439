import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** What the built site depends on: dist/ older than any of these is stale. */
const SOURCES = ['src', 'public', 'index.html', 'bare.html', 'classroom.html', 'vite.config.ts', 'package-lock.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

/** Runs `vite build` if dist/ is missing, lacks a page, or is older than its sources; returns whether it built. */
export function buildIfStale(): boolean {
  const pages = ['dist/index.html', 'dist/bare.html', 'dist/classroom.html'];
  if (pages.every((p) => existsSync(p)) && newest('dist') >= Math.max(...SOURCES.map(newest))) return false;
  // Build output goes to stderr, so a tool's stdout stays its results.
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: ['ignore', 2, 2],
  });
  return true;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `vite <mode>` on a free port and waits until it answers; returns its URL and a stop function. */
export async function startVite(
  mode: 'dev' | 'preview',
  env: Record<string, string> = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const args =
    mode === 'dev'
      ? ['--port', String(port), '--strictPort', '--host', '127.0.0.1']
      : ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'];
  const child: ChildProcess = spawn(process.execPath, ['node_modules/vite/bin/vite.js', ...args], {
    env: { ...process.env, ...env, BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite ${mode} exited early:\n${output}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite ${mode} did not answer on ${url} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
