import type { AnyEngine, LogReader } from '../../engine';

/** A log reader that follows the page's engine: a restart, an import or a replay brings a new engine to read. */
export interface LogFollower {
  /** The reader of `engine`'s log: the same one while the engine stays, a new one from its end when it changed. */
  reader(engine: AnyEngine): LogReader;
  close(): void;
}

/** Reads the log of whichever engine the page runs, under the reader name `name`. */
export function followLog(name: string, engine: AnyEngine): LogFollower {
  let current = engine;
  let reader = engine.log.reader(name);
  return {
    reader(e) {
      if (e !== current) {
        reader.close();
        current = e;
        reader = e.log.reader(name);
      }
      return reader;
    },
    close: () => reader.close(),
  };
}
