import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ASSETS = 'dist/assets';

/** The gzip -9 size of one file in dist/assets. */
export const gzipOf = (file: string) => gzipSync(readFileSync(join(ASSETS, file)), { level: 9 }).length;

/** The built JS: the entry chunk of index.html, what loads with it (static imports), everything it can load, all of dist. */
export function bundleSizes(): {
  entry: string;
  entryGzip: number;
  initialGzip: number;
  reachableGzip: number;
  allGzip: number;
  files: Record<string, number>;
} {
  const html = readFileSync('dist/index.html', 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="[^"]*\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('dist/index.html has no module script in assets/: is the build broken?');
  const all = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
  const files = Object.fromEntries(all.map((f) => [f, gzipOf(f)]));
  const text = new Map(all.map((f) => [f, readFileSync(join(ASSETS, f), 'utf8')]));
  const closure = (dynamic: boolean) => {
    const seen = new Set([entry]);
    const queue = [entry];
    for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
      const src = text.get(f) ?? '';
      for (const other of all) {
        if (seen.has(other)) continue;
        const q = `["'\`]\\./${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\`]`;
        const found = dynamic ? new RegExp(q).test(src) : new RegExp(`(?:from|import)\\s*${q}`).test(src);
        if (found) {
          seen.add(other);
          queue.push(other);
        }
      }
    }
    return [...seen].reduce((s, f) => s + (files[f] ?? 0), 0);
  };
  return {
    entry,
    entryGzip: files[entry] ?? 0,
    initialGzip: closure(false),
    reachableGzip: closure(true),
    allGzip: Object.values(files).reduce((a, b) => a + b, 0),
    files,
  };
}
