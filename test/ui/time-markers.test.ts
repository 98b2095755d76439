import { describe, expect, it } from 'vitest';
import { createLog } from '../../src/engine';
import type { SirenEvent } from '../../src/engine';
import { cityTimeline } from '../../src/ui/city/timeline';
import { createMarkerTracker } from '../../src/ui/panels/time/markers';
import { runScenario } from './helpers';

function ev(seq: number, tick: number, type: string, payload: object): SirenEvent {
  return Object.freeze({ seq, tick, type, payload });
}

describe('timeline markers', () => {
  it('marks pursuits, deaths and rules changes, and clusters hits on the player', () => {
    const log = createLog(100);
    const events = [
      ev(0, 10, 'rules.loaded', { triggers: 21, source: 'editor' }),
      ev(1, 20, 'damage', { target: 0, source: 'goon', amount: 8 }),
      ev(2, 50, 'damage', { target: 0, source: 'goon', amount: 8 }),
      ev(3, 60, 'damage', { target: 5, source: 'player', amount: 20 }),
      ev(4, 130, 'damage', { target: 0, source: 'police', amount: 12 }),
      ev(5, 400, 'damage', { target: 0, source: 'police', amount: 12 }),
      ev(6, 410, 'pursuit.started', { wanted: 2 }),
      ev(7, 900, 'pursuit.lost', { reason: 'escaped', wanted: 2 }),
      ev(8, 950, 'player.died', { x: 1, y: 2 }),
    ];
    for (const e of events) log.append(e);
    const markers = createMarkerTracker(cityTimeline).update(log);
    expect(markers.map((m) => [m.kind, m.tick, m.seq, m.label])).toEqual([
      ['rules', 10, 0, 'rules loaded (21 triggers from editor)'],
      ['damage', 20, 1, 'you were hit 3× (28 damage)'],
      ['damage', 400, 5, 'you were hit 1× (12 damage)'],
      ['pursuit', 410, 6, 'pursuit started (wanted 2)'],
      ['lost', 900, 7, 'pursuit ended: escaped'],
      ['died', 950, 8, 'you died'],
    ]);
  });

  it('reads only new events each update, and grows a cluster across updates', () => {
    const log = createLog(100);
    const tracker = createMarkerTracker(cityTimeline);
    log.append(ev(0, 5, 'damage', { target: 0, source: 'goon', amount: 4 }));
    expect(tracker.update(log)).toHaveLength(1);
    log.append(ev(1, 30, 'damage', { target: 0, source: 'goon', amount: 4 }));
    const m = tracker.update(log);
    expect(m).toHaveLength(1);
    expect(m[0]?.label).toBe('you were hit 2× (8 damage)');
  });

  it('starts over when the log is rewound or replaced', () => {
    const engine = runScenario('city', 12);
    const tracker = createMarkerTracker(cityTimeline);
    const before = tracker.update(engine.log).slice();
    engine.rewind(120);
    const after = tracker.update(engine.log);
    expect(after.every((m) => m.tick < 120)).toBe(true);
    expect(after).toEqual(before.filter((m) => m.tick < 120));
    expect(tracker.update(createLog(10))).toEqual([]);
  });
});
