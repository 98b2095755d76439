import { createDraft, finishDraft } from 'immer';
import { createRng } from '../../engine';
import { measure } from './harness';
import type { Alternative, Measured } from './harness';
import { measuredJson } from './report';
import type { Benchmark } from './report';

const ENTITIES = 10_000;
const CHANGED = 3;
const TICKS = 2_000;
const CHUNK = 100;
const TARGET_US = 50;

interface Entity {
  id: number;
  kind: string;
  hp: number;
  wanted: number;
  flags: { hidden: boolean; hostile: boolean };
}

interface FlatWorld {
  tick: number;
  alarm: boolean;
  entities: Entity[];
}

interface ChunkedWorld {
  tick: number;
  alarm: boolean;
  chunks: Entity[][];
}

function entity(id: number): Entity {
  return {
    id,
    kind: id % 10 === 0 ? 'police' : 'civilian',
    hp: 100,
    wanted: 0,
    flags: { hidden: false, hostile: id % 7 === 0 },
  };
}

/**
 * Issue 7: the immer commit of one tick of rule-driven changes — createDraft, a few entities changed, finishDraft —
 * on a world of 10,000 entities, autoFreeze off as in production. Two layouts for context.
 */
export const stateBenchmark: Benchmark = {
  name: 'state',
  description: 'immer commit of a tick with 3 changed entities on a world of 10,000 (autoFreeze off)',
  async run({ reps, progress }) {
    const rng = createRng(3);
    const picks = Array.from({ length: TICKS * CHANGED }, () => rng.int(0, ENTITIES - 1));
    const flat: FlatWorld = { tick: 0, alarm: false, entities: Array.from({ length: ENTITIES }, (_, i) => entity(i)) };
    const chunked: ChunkedWorld = {
      tick: 0,
      alarm: false,
      chunks: Array.from({ length: ENTITIES / CHUNK }, (_, c) =>
        Array.from({ length: CHUNK }, (_, i) => entity(c * CHUNK + i)),
      ),
    };
    // Every alternative returns the total hp lost, so they provably did the same changes.
    const alts: Alternative[] = [
      {
        name: 'flat',
        label: 'one array of 10,000 entities',
        units: TICKS,
        prepare() {
          let world = flat;
          return () => {
            for (let t = 0; t < TICKS; t++) {
              const draft = createDraft(world);
              draft.tick++;
              for (let k = 0; k < CHANGED; k++) (draft.entities[picks[t * CHANGED + k] as number] as Entity).hp -= 1;
              world = finishDraft(draft);
            }
            return world.entities.reduce((s, e) => s + 100 - e.hp, 0);
          };
        },
      },
      {
        name: 'chunked',
        label: `${ENTITIES / CHUNK} chunks of ${CHUNK}`,
        units: TICKS,
        prepare() {
          let world = chunked;
          return () => {
            for (let t = 0; t < TICKS; t++) {
              const draft = createDraft(world);
              draft.tick++;
              for (let k = 0; k < CHANGED; k++) {
                const i = picks[t * CHANGED + k] as number;
                ((draft.chunks[Math.floor(i / CHUNK)] as Entity[])[i % CHUNK] as Entity).hp -= 1;
              }
              world = finishDraft(draft);
            }
            return world.chunks.reduce((s, c) => s + c.reduce((x, e) => x + 100 - e.hp, 0), 0);
          };
        },
      },
      {
        name: 'untouched',
        label: 'no entity changed (the floor)',
        units: TICKS,
        prepare() {
          let world = flat;
          return () => {
            for (let t = 0; t < TICKS; t++) {
              const draft = createDraft(world);
              draft.tick++;
              world = finishDraft(draft);
            }
            return TICKS * CHANGED;
          };
        },
      },
    ];
    progress(`state: ${TICKS} ticks per sample × ${reps.reps} reps`);
    const res = await measure(alts, reps);
    for (const m of res)
      if (m.check !== TICKS * CHANGED)
        throw new Error(`state: ${m.label} lost ${m.check} hp, expected ${TICKS * CHANGED}`);
    const us = (m: Measured) => (m.medianMs * 1000) / TICKS;
    const flatM = res[0] as Measured;
    return {
      tables: [
        {
          title: `state — immer commit of one tick (createDraft, ${CHANGED} entities changed, finishDraft) on ${ENTITIES.toLocaleString('en-US')} entities, autoFreeze off`,
          columns: ['world layout', '÷ target', 'µs per tick', 'min µs', 'commits/s'],
          rows: res.map((m) => [
            m.label,
            `${(us(m) / TARGET_US).toFixed(2)}×`,
            us(m).toFixed(1),
            ((m.minMs * 1000) / TICKS).toFixed(1),
            Math.round(m.perSecond).toLocaleString('en-US'),
          ]),
          notes: [
            `each sample runs ${TICKS.toLocaleString('en-US')} ticks in a row (each commit the base of the next); target ≤ ${TARGET_US} µs`,
          ],
        },
      ],
      targets: [
        {
          what: 'immer commit, 3 of 10,000 changed',
          target: `≤ ${TARGET_US} µs`,
          actual: `${us(flatM).toFixed(1)} µs`,
          ok: us(flatM) <= TARGET_US,
        },
      ],
      data: {
        entities: ENTITIES,
        changed: CHANGED,
        ticks: TICKS,
        results: res.map((m) => ({ name: m.name, usPerTick: us(m), ...measuredJson(m) })),
      },
    };
  },
};
