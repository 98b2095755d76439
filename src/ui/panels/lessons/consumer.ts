import type { EventLog, LogReader, SirenEvent } from '../../../engine';

/** The lessons' consumer name in the log (the Flow panel shows it with its offset and lag). */
export const LESSONS_READER = 'lessons';

/** What one poll read for a lesson. */
export interface LessonBatch {
  readonly events: SirenEvent[];
  /** The game clock went back, or events this consumer had read are gone or replaced: time travel cut the log back. */
  readonly rewound: boolean;
}

interface LogState {
  reader: LogReader;
  active: string | null;
  /** Each lesson's own offset while another lesson reads. */
  offsets: Map<string, number>;
  lastSeen: SirenEvent | undefined;
  lastTick: number;
}

/**
 * The lessons' log consumer: one named reader per log, with an offset kept per lesson (switching lessons seeks to
 * that lesson's offset), so a lesson reads every event since its step began, even those appended while the panel
 * was closed, as long as the log retains them.
 */
export interface LessonConsumer {
  /** Reads the events the lesson has not read yet; `tick` is the game's clock now. */
  poll(log: EventLog, lesson: string, tick: number): LessonBatch;
  /** Starts the lesson's reading at the end of the log (a step begins now). */
  begin(log: EventLog, lesson: string): void;
  /** The reader on this log (offset and lag, for display). */
  reader(log: EventLog): LogReader;
}

/** Creates the lessons' consumer (state kept per log, so an engine swap starts afresh). */
export function createLessonConsumer(): LessonConsumer {
  const logs = new WeakMap<EventLog, LogState>();

  function stateOf(log: EventLog): LogState {
    let st = logs.get(log);
    if (!st) {
      const reader = log.readers.find((r) => r.name === LESSONS_READER) ?? log.reader(LESSONS_READER);
      st = { reader, active: null, offsets: new Map(), lastSeen: log.at(reader.offset - 1), lastTick: -1 };
      logs.set(log, st);
    }
    return st;
  }

  function activate(log: EventLog, st: LogState, lesson: string): void {
    if (st.active === lesson) return;
    if (st.active !== null) st.offsets.set(st.active, st.reader.offset);
    st.reader.seek(st.offsets.get(lesson) ?? log.end);
    st.active = lesson;
    st.lastSeen = log.at(st.reader.offset - 1);
  }

  return {
    poll(log, lesson, tick) {
      const st = stateOf(log);
      activate(log, st, lesson);
      const seen = st.lastSeen;
      const rewound = tick < st.lastTick || (!!seen && seen.seq >= log.start && log.at(seen.seq) !== seen);
      st.lastTick = tick;
      const events = st.reader.poll();
      if (events.length) st.lastSeen = events[events.length - 1];
      else if (rewound) st.lastSeen = log.at(st.reader.offset - 1);
      return { events, rewound };
    },
    begin(log, lesson) {
      const st = stateOf(log);
      activate(log, st, lesson);
      st.reader.seek(log.end);
      st.lastSeen = log.at(log.end - 1);
    },
    reader: (log) => stateOf(log).reader,
  };
}
