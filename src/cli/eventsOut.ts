import { closeSync, openSync, writeSync } from 'node:fs';
import { UsageError } from './args';

/** Where `--events` writes: NDJSON, buffered, written synchronously so that a failure is seen where it happens. */
export interface EventsOut {
  /** Adds one line (a JSON value) to the file. */
  line(json: string): void;
  /** Writes what is buffered and closes the file; returns the failure (one line), or null when every byte was written. */
  close(): string | null;
}

const CHUNK = 65_536;

/** Opens `path` for `--events`; a path that cannot be opened is a UsageError before anything runs. */
export function openEventsOut(path: string): EventsOut {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (e) {
    throw new UsageError(
      `--events: cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  let buffer = '';
  let failure: string | null = null;
  const flush = () => {
    if (failure === null && buffer) {
      try {
        const bytes = Buffer.from(buffer);
        for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
      } catch (e) {
        failure = `--events: cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the file is incomplete`;
      }
    }
    buffer = '';
  };
  return {
    line(json) {
      if (failure !== null) return;
      buffer += json + '\n';
      if (buffer.length > CHUNK) flush();
    },
    close() {
      flush();
      try {
        closeSync(fd);
      } catch (e) {
        failure ??= `--events: cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
      }
      return failure;
    },
  };
}
