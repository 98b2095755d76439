import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { debounceByKey, readSettled } from './settledRead.ts';

/** The message the dev server sends when a rules file changes on disk. */
export interface RulesUpdate {
  /** Path relative to the project root, e.g. "public/rules/city.json". */
  file: string;
  text: string;
}

const RULE_FILE = /^[a-z][a-z0-9-]{0,40}\.json$/;
const BUNDLED_ID = 'virtual:siren-bundled-rules';

/** The module `virtual:siren-bundled-rules`: every scenario's rules file in public/rules as text, keyed by name. */
async function bundledRulesModule(dir: string, watch: (file: string) => void): Promise<string> {
  const texts: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (!RULE_FILE.test(name) || name.endsWith('.schema.json')) continue;
    watch(join(dir, name));
    texts[name.slice(0, -'.json'.length)] = await readFile(join(dir, name), 'utf8');
  }
  return `export default ${JSON.stringify(texts)};\n`;
}

/**
 * Live rules in dev: pushes every change to public/rules/*.json to the page over Vite's HMR socket (no reload, the
 * game keeps its state), and lets the in-page editor save a rules file back with POST /__siren/rules/<name>.json.
 */
export function sirenRules(): Plugin {
  let rulesDir = '';
  let root = '';
  const isRulesFile = (file: string) =>
    file.startsWith(rulesDir + sep) && RULE_FILE.test(basename(file)) && !file.endsWith('.schema.json');
  return {
    name: 'siren-rules',
    configResolved(config) {
      root = config.root;
      rulesDir = resolve(config.publicDir, 'rules');
    },
    resolveId(id) {
      if (id === BUNDLED_ID) return '\0' + BUNDLED_ID;
    },
    load(id) {
      // Always the project's own public/rules (not a test's copy): these are the defaults the build ships.
      if (id === '\0' + BUNDLED_ID)
        return bundledRulesModule(resolve(root, 'public', 'rules'), (f) => this.addWatchFile(f));
    },
    configureServer(server) {
      server.watcher.add(rulesDir);
      const send = async (file: string) => {
        const text = await readSettled(file);
        if (text === null) return; // deleted: the next event brings the new text
        const update: RulesUpdate = { file: relative(root, file).split(sep).join('/'), text };
        server.ws.send({ type: 'custom', event: 'siren:rules', data: update });
      };
      const settle = debounceByKey((file) => void send(file), 60);
      const push = (file: string) => {
        if (isRulesFile(file)) settle(file);
      };
      server.watcher.on('change', push);
      server.watcher.on('add', push);
      // Saves are written one after another, in the order they arrived: a quick second save is never lost.
      let writing = Promise.resolve();
      server.middlewares.use('/__siren/rules/', (req, res) => {
        const name = decodeURIComponent((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
        if (req.method !== 'POST' || !RULE_FILE.test(name)) {
          res.statusCode = req.method !== 'POST' ? 405 : 400;
          res.end(
            req.method !== 'POST'
              ? 'POST a rules file here'
              : `bad file name ${JSON.stringify(name)}: expected like "city.json"`,
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= 1_000_000) chunks.push(c);
        });
        req.on('end', () => {
          if (size > 1_000_000) {
            res.statusCode = 413;
            res.end('rules file too large (limit 1 MB)');
            return;
          }
          const body = Buffer.concat(chunks);
          writing = writing
            .then(() => writeFile(join(rulesDir, name), body))
            .then(
              () => {
                res.statusCode = 204;
                res.end();
              },
              (e: Error) => {
                res.statusCode = 500;
                res.end(e.message);
              },
            );
        });
      });
    },
    handleHotUpdate({ file }) {
      // Rules files are applied live by the page; never reload it for them.
      if (isRulesFile(resolve(file))) return [];
    },
  };
}
