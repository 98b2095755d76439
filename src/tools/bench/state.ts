import { createDraft, finishDraft } from 'immer';
import type { Draft } from 'immer';
import { createRng } from '../../engine';
import { byName, measure } from './harness';
import type { Alternative, Measured } from './harness';
import { measuredJson } from './report';
import type { Benchmark, Table } from './report';

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

/** The flat layout: one array of every entity. */
function flatWorld(): FlatWorld {
  return { tick: 0, alarm: false, entities: Array.from({ length: ENTITIES }, (_, i) => entity(i)) };
}

/** The chunked layout: the same entities in arrays of CHUNK. */
function chunkedWorld(): ChunkedWorld {
  return {
    tick: 0,
    alarm: false,
    chunks: Array.from({ length: ENTITIES / CHUNK }, (_, c) =>
      Array.from({ length: CHUNK }, (_, i) => entity(c * CHUNK + i)),
    ),
  };
}

/** Hp the entities lost, summed. */
function hpLost(entities: readonly Entity[]): number {
  return entities.reduce((s, e) => s + 100 - e.hp, 0);
}

/**
 * A contender committing TICKS ticks in a row from `start`, each commit the base of the next: createDraft, the tick
 * counter and `change(draft, t)`, finishDraft. Its check is what `lost` says of the last commit.
 */
function commits<W extends { tick: number }>(
  name: string,
  label: string,
  start: W,
  change: (draft: Draft<W>, t: number) => void,
  lost: (world: W) => number,
): Alternative {
  return {
    name,
    label,
    units: TICKS,
    prepare() {
      let world = start;
      return () => {
        for (let t = 0; t < TICKS; t++) {
          const draft = createDraft(world);
          draft.tick++;
          change(draft, t);
          world = finishDraft(draft) as W; // immer types the result of a generic draft as a deferred conditional
        }
        return lost(world);
      };
    },
  };
}

/** The three contenders; every one returns the total hp lost, so they provably did the same changes. */
function stateAlternatives(): Alternative[] {
  const rng = createRng(3);
  const picks = Array.from({ length: TICKS * CHANGED }, () => rng.int(0, ENTITIES - 1));
  const flat = flatWorld();
  const flatChange = (draft: Draft<FlatWorld>, t: number) => {
    for (let k = 0; k < CHANGED; k++) (draft.entities[picks[t * CHANGED + k] as number] as Entity).hp -= 1;
  };
  const chunkedChange = (draft: Draft<ChunkedWorld>, t: number) => {
    for (let k = 0; k < CHANGED; k++) {
      const i = picks[t * CHANGED + k] as number;
      ((draft.chunks[Math.floor(i / CHUNK)] as Entity[])[i % CHUNK] as Entity).hp -= 1;
    }
  };
  return [
    commits('flat', 'one array of 10,000 entities', flat, flatChange, (w) => hpLost(w.entities)),
    commits('chunked', `${ENTITIES / CHUNK} chunks of ${CHUNK}`, chunkedWorld(), chunkedChange, (w) =>
      w.chunks.reduce((s, c) => s + hpLost(c), 0),
    ),
    commits(
      'untouched',
      'no entity changed (the floor)',
      flat,
      () => undefined,
      () => TICKS * CHANGED,
    ),
  ];
}

const usPerTick = (m: Measured) => (m.medianMs * 1000) / TICKS;

/** The printed table: each layout's commit against the target. */
function stateTable(res: readonly Measured[]): Table {
  return {
    title: `state — immer commit of one tick (createDraft, ${CHANGED} entities changed, finishDraft) on ${ENTITIES.toLocaleString('en-US')} entities, autoFreeze off`,
    columns: ['world layout', '÷ target', 'µs per tick', 'min µs', 'commits/s'],
    rows: res.map((m) => [
      m.label,
      `${(usPerTick(m) / TARGET_US).toFixed(2)}×`,
      usPerTick(m).toFixed(1),
      ((m.minMs * 1000) / TICKS).toFixed(1),
      Math.round(m.perSecond).toLocaleString('en-US'),
    ]),
    notes: [
      `each sample runs ${TICKS.toLocaleString('en-US')} ticks in a row (each commit the base of the next); target ≤ ${TARGET_US} µs`,
    ],
  };
}

/**
 * The immer commit of one tick of rule-driven changes — createDraft, a few entities changed, finishDraft —
 * on a world of 10,000 entities, autoFreeze off as in production. Two layouts for context.
 */
export const stateBenchmark: Benchmark = {
  name: 'state',
  description: 'immer commit of a tick with 3 changed entities on a world of 10,000 (autoFreeze off)',
  async run({ reps, progress }) {
    const alts = stateAlternatives();
    progress(`state: ${TICKS} ticks per sample × ${reps.reps} reps`);
    const res = await measure(alts, reps);
    for (const m of res)
      if (m.check !== TICKS * CHANGED)
        throw new Error(`state: ${m.label} lost ${m.check} hp, expected ${TICKS * CHANGED}`);
    const flatUs = usPerTick(byName(res, 'flat'));
    return {
      tables: [stateTable(res)],
      targets: [
        {
          what: 'immer commit, 3 of 10,000 changed',
          target: `≤ ${TARGET_US} µs`,
          actual: `${flatUs.toFixed(1)} µs`,
          ok: flatUs <= TARGET_US,
        },
      ],
      data: {
        entities: ENTITIES,
        changed: CHANGED,
        ticks: TICKS,
        results: res.map((m) => ({ name: m.name, usPerTick: usPerTick(m), ...measuredJson(m) })),
      },
    };
  },
};
