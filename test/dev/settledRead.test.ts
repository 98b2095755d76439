import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debounceByKey, readSettled } from '../../src/dev/settledRead';

const file = () => join(mkdtempSync(join(tmpdir(), 'siren-settled-')), 'city.json');

describe('the dev watcher reads a settled rules file', () => {
  it('an empty read (truncated, not yet filled) is read again until the text arrives', async () => {
    const f = file();
    writeFileSync(f, '');
    setTimeout(() => writeFileSync(f, '{"version":1}'), 30);
    expect(await readSettled(f, 20)).toBe('{"version":1}');
  });

  it('a half-written file is read again; a file really saved broken comes back as saved', async () => {
    const f = file();
    writeFileSync(f, '{"vers');
    setTimeout(() => writeFileSync(f, '{"version":2}'), 30);
    expect(await readSettled(f, 20)).toBe('{"version":2}');
    writeFileSync(f, '{ broken');
    expect(await readSettled(f, 5)).toBe('{ broken');
    writeFileSync(f, '');
    expect(await readSettled(f, 5)).toBe('');
  });

  it('a burst of change events becomes one read, per file', async () => {
    const seen: string[] = [];
    const push = debounceByKey((k) => seen.push(k), 20);
    push('a');
    push('b');
    push('a');
    push('a');
    await new Promise((r) => setTimeout(r, 60));
    expect(seen.sort()).toEqual(['a', 'b']);
  });
});
