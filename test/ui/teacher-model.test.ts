import { describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../src/net/message';
import { applyRoomEvent, createRoomModel, filterLog } from '../../src/ui/teacher/model';

let stream = 0;
const ev = (student: string, type: string, payload: Record<string, unknown> = {}): RoomEvent => ({
  stream: ++stream,
  room: 'r1',
  student,
  run: 'x',
  seq: stream,
  tick: stream,
  type,
  payload,
});

describe("the teacher's room model", () => {
  it("keeps each student's health, wanted level, pursuit, rate and last event from their events", () => {
    const m = createRoomModel();
    applyRoomEvent(m, ev('ann', 'health.changed', { entity: 0, from: 100, to: 80 }), 1000);
    applyRoomEvent(m, ev('ann', 'health.changed', { entity: 7, from: 50, to: 0 }), 1100);
    applyRoomEvent(m, ev('ann', 'wanted.changed', { from: 0, to: 3 }), 1200);
    applyRoomEvent(m, ev('ann', 'pursuit.started', { wanted: 3 }), 1300);
    applyRoomEvent(m, ev('bob', 'pursuit.searching', { x: 1, y: 1, radius: 5 }), 1400);
    applyRoomEvent(m, ev('ann', 'pursuit.searching', { x: 1, y: 1, radius: 5 }), 2100);
    expect(m.students.get('ann')).toMatchObject({ health: 80, wanted: 3, pursuit: 'search', perSecond: 4, total: 5 });
    expect(m.students.get('ann')?.lastType).toBe('pursuit.searching');
    expect(m.lastStream).toBe(stream);
    expect(filterLog(m.log, 'bob', '', 10).map((e) => e.type)).toEqual(['pursuit.searching']);
    expect(filterLog(m.log, '', 'health', 10)).toHaveLength(2);
    expect(filterLog(m.log, '', '', 2).map((e) => e.student)).toEqual(['bob', 'ann']);
  });
});
