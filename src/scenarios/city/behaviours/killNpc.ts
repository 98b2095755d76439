import { z } from '../../../engine/zod';
import { u8, agentKindNames, AgentKind } from '../../../game';
import { defineCityBehaviour } from './define';

/** A non-player character dies. */
export const killNpc = defineCityBehaviour({
  name: 'killNpc',
  emits: ['npc.died'],
  description:
    'Kills agent `npc` (not the player; police in cars are armoured and ignore it) and emits npc.died {npc, kind}.',
  params: { npc: { schema: z.number().int().min(1), description: 'Agent id, e.g. {"fact": "event.entity"}.' } },
  run(ctx, p) {
    const { world: w, runtime: rt } = ctx;
    const a = rt.agents;
    const id = p.npc;
    if (typeof id !== 'number' || id <= 0 || id >= a.count || a.alive[id] === 0 || a.car[id] !== -1) return;
    a.alive[id] = 0;
    a.speed[id] = 0;
    if (a.kind[id] === AgentKind.Civilian && a.present[id] === 1) w.civilians.present--;
    ctx.emit('npc.died', { npc: id, kind: agentKindNames[u8(a.kind, id)] ?? 'unknown' });
  },
});
