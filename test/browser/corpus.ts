import { readFileSync } from 'node:fs';

/** The bad-rules corpus: NN-name.json, each with NN-name.expected.txt (`file:line:col  path  message` per line). */
export const CORPUS_DIR = 'test/fixtures/bad-rules';

/** A corpus file's text. */
export function corpusText(file: string): string {
  return readFileSync(`${CORPUS_DIR}/${file}`, 'utf8');
}

/** A corpus file's expected error lines, with the file name they start with replaced by `as` (what the page calls it). */
export function corpusExpected(file: string, as: string): string[] {
  const path = `${CORPUS_DIR}/${file}`;
  return readFileSync(path.replace(/\.json$/, '.expected.txt'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      if (!line.startsWith(`${path}:`)) throw new Error(`${file}: expected line does not start with ${path}: ${line}`);
      return as + line.slice(path.length);
    });
}
