import type { RoomEvent } from '../../net/message';

/** One student as the teacher's view shows them, built from their events only. */
export interface StudentRow {
  readonly name: string;
  health: number | null;
  wanted: number;
  pursuit: 'none' | 'chase' | 'search';
  /** Events in the last full second. */
  perSecond: number;
  total: number;
  lastType: string;
  lastStream: number;
  /** Internal: events in the current second, and which second it is. */
  bucket: number;
  second: number;
}

/** The merged room as the teacher's consumer has read it: students and the newest events. */
export interface RoomModel {
  readonly students: Map<string, StudentRow>;
  /** The newest events (at most `keep`), oldest first. */
  readonly log: RoomEvent[];
  /** The last stream sequence read. */
  lastStream: number;
  read: number;
}

/** An empty room model. */
export function createRoomModel(): RoomModel {
  return { students: new Map(), log: [], lastStream: 0, read: 0 };
}

function rowOf(model: RoomModel, name: string): StudentRow {
  let row = model.students.get(name);
  if (!row) {
    row = {
      name,
      health: null,
      wanted: 0,
      pursuit: 'none',
      perSecond: 0,
      total: 0,
      lastType: '',
      lastStream: 0,
      bucket: 0,
      second: 0,
    };
    model.students.set(name, row);
  }
  return row;
}

/** Folds one event into the model (`nowMs` dates it for events per second); keeps at most `keep` log lines. */
export function applyRoomEvent(model: RoomModel, ev: RoomEvent, nowMs: number, keep = 500): void {
  const row = rowOf(model, ev.student);
  const p = ev.payload;
  if (ev.type === 'health.changed' && p.entity === 0 && typeof p.to === 'number') row.health = p.to;
  else if (ev.type === 'wanted.changed' && typeof p.to === 'number') row.wanted = p.to;
  else if (ev.type === 'pursuit.started' || (ev.type === 'pursuit.spotted' && row.pursuit !== 'none'))
    row.pursuit = 'chase';
  else if (ev.type === 'pursuit.searching') row.pursuit = 'search';
  else if (ev.type === 'pursuit.lost') row.pursuit = 'none';
  tickRate(row, nowMs);
  row.bucket++;
  row.total++;
  row.lastType = ev.type;
  row.lastStream = ev.stream;
  model.lastStream = Math.max(model.lastStream, ev.stream);
  model.read++;
  model.log.push(ev);
  if (model.log.length > keep * 2) model.log.splice(0, model.log.length - keep);
}

/** Moves a student's rate on to the current second (events per second is the last full second's count). */
export function tickRate(row: StudentRow, nowMs: number): void {
  const second = Math.floor(nowMs / 1000);
  if (second === row.second) return;
  row.perSecond = second === row.second + 1 ? row.bucket : 0;
  row.bucket = 0;
  row.second = second;
}

/** The log lines a filter keeps (newest last): by student and/or type, at most `max`. */
export function filterLog(log: readonly RoomEvent[], student: string, type: string, max: number): RoomEvent[] {
  const out: RoomEvent[] = [];
  for (let i = log.length - 1; i >= 0 && out.length < max; i--) {
    const ev = log[i] as RoomEvent;
    if ((student && ev.student !== student) || (type && !ev.type.startsWith(type))) continue;
    out.push(ev);
  }
  return out.reverse();
}
