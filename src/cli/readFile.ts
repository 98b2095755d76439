import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { UsageError } from './args';

/** What a path is, when it is not a regular file. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Reads a regular file of at most `limit` bytes: the kind and size are checked before reading, and at most limit + 1
 * bytes are ever read (a file that grows while read is caught too). Anything else is a UsageError of one line.
 */
export function readFileLimited(path: string, limit: number, what = 'the file'): Uint8Array {
  let fd: number;
  try {
    // Non-blocking, so that opening a pipe with no writer does not wait forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new UsageError(`${path}: cannot read ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`${path}: cannot read ${what}: it is ${kindOf(st)}, not a file`);
    if (st.size > limit) throw tooLarge(path, st.size, limit);
    const buf = new Uint8Array(Math.min(st.size, limit) + 1);
    let got = 0;
    for (let n = 1; n > 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, null);
    if (got > limit) throw tooLarge(path, got, limit, true);
    return buf.subarray(0, got);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${path}: cannot read ${what} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    closeSync(fd);
  }
}

/** The loader's own words for a file over the limit, located at its start. */
function tooLarge(path: string, size: number, limit: number, more = false): UsageError {
  return new UsageError(
    `${path}:1:1  (file)  file is too large: ${more ? `more than ${limit}` : size} bytes, the limit is ${limit}`,
  );
}
