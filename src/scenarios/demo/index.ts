import { z } from '../../engine/zod';
import { behaviourFactory } from '../../engine';
import type { Scenario } from '../../engine';
import { demoEvents } from './events';

/** The demo world: a score and a few targets with hit points. */
export interface DemoWorld {
  score: number;
  alarm: boolean;
  targets: { id: number; hp: number }[];
}

type DemoInput = { boost: boolean };

const define = behaviourFactory<DemoWorld, null>();

const changeHp = define({
  name: 'changeHp',
  emits: ['demo.hp.changed'],
  description: "Adds amount (may be negative) to a target's hit points, clamped to 0…100, and emits demo.hp.changed.",
  params: {
    entity: { schema: z.number(), description: 'Target id.' },
    amount: { schema: z.number(), description: 'How much to add.' },
  },
  run(ctx, p) {
    const t = ctx.world.targets.find((x) => x.id === p.entity);
    if (!t) return;
    const from = t.hp;
    t.hp = Math.max(0, Math.min(100, from + p.amount));
    if (t.hp !== from) ctx.emit('demo.hp.changed', { entity: t.id, from, to: t.hp });
  },
});

const addScore = define({
  name: 'addScore',
  emits: ['demo.score.changed'],
  description: 'Adds to the score and emits demo.score.changed.',
  params: { amount: { schema: z.number(), description: 'Points to add.' } },
  run(ctx, p) {
    const from = ctx.world.score;
    ctx.world.score += p.amount;
    ctx.emit('demo.score.changed', { from, to: ctx.world.score });
  },
});

const setAlarm = define({
  name: 'setAlarm',
  emits: [],
  description: 'Sets or clears the alarm flag.',
  params: { on: { schema: z.boolean(), description: 'true to raise, false to clear.' } },
  run(ctx, p) {
    ctx.world.alarm = p.on;
  },
});

/** A tiny scenario that exercises every engine feature (the city and cloud are the real ones). */
export const demoScenario: Scenario<DemoWorld, null, DemoInput> = {
  name: 'demo',
  description: 'A pulse and random hits on three targets: every engine feature in miniature.',
  events: demoEvents,
  behaviours: [changeHp, addScore, setAlarm],
  worldFacts: {
    score: { type: 'number', description: 'the score' },
    alarm: { type: 'boolean', description: 'whether the alarm is raised' },
  },
  entityFacts: {
    hp: { type: 'number', description: "the target's hit points" },
    id: { type: 'number', description: "the target's id" },
  },
  rulesFile: 'public/rules/demo.json',
  init: () => ({ world: { score: 0, alarm: false, targets: [1, 2, 3].map((id) => ({ id, hp: 100 })) }, runtime: null }),
  step(ctx) {
    if (ctx.tick % 30 === 0) ctx.emit('demo.pulse', { n: ctx.tick / 30 });
    if (ctx.rng.chance(ctx.input.boost ? 0.2 : 0.05))
      ctx.emit('demo.hit', { target: ctx.rng.int(1, 3), amount: ctx.rng.int(1, 20) });
  },
  saveRuntime: () => null,
  restoreRuntime: () => undefined,
  entity: (world, _runtime, id) => world.targets.find((t) => t.id === id),
  idleInput: { boost: false },
  checkInput: (input) =>
    typeof input === 'object' &&
    input !== null &&
    typeof (input as DemoInput).boost === 'boolean' &&
    Object.keys(input).length === 1
      ? null
      : 'expected {"boost": true|false}',
  createAutopilot: () => (_w, _r, tick) => ({ boost: Math.floor(tick / 600) % 2 === 1 }),
  summary: (world) => ({ score: world.score, alarm: world.alarm, hp: world.targets.map((t) => t.hp) }),
};
