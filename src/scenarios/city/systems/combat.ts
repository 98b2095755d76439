import { len } from '../../../game';
import { addTracer, AgentKind, f64, findTarget, i32, lineOfSight, rollHit, tileAt, TileKind, u8 } from '../../../game';
import { LAST_SHOT, SHOOT_AFTER, tuning } from '../config';
import type { CityContext } from './context';
import { agentsNear, commitCrime } from './context';

type ShotTuning = { range: number; hit: number; min: number; max: number; every: number };

/** Agent i fires at the player: a tracer, `shot.fired`, and on a hit `damage`. */
function fireAtPlayer(ctx: CityContext, i: number, source: 'goon' | 'police', t: ShotTuning, d: number): void {
  const { runtime: rt, rng, tick } = ctx;
  const a = rt.agents;
  const hit = rollHit(rng, t.hit, d, t.range);
  const miss = hit ? 0 : rng.range(-2.5, 2.5);
  addTracer(rt.tracers, tick, u8(a.kind, i), f64(a.x, i), f64(a.y, i), f64(a.x, 0) + miss, f64(a.y, 0) - miss, hit);
  a.cooldown[i] = tick + t.every + rng.int(0, 20);
  ctx.emit('shot.fired', { shooter: i, kind: source, hit });
  const scale = source === 'goon' ? (ctx.world.tunes?.goonDamage ?? 1) : 1;
  if (hit) ctx.emit('damage', { target: 0, source, amount: rng.int(t.min, t.max) * scale });
}

/** Goons shoot a player they can see nearby; police shoot one they see, once their weapons are free. */
function hostilesShoot(ctx: CityContext): void {
  const { runtime: rt, world: w, tick } = ctx;
  const { agents: a, ranges, map } = rt;
  const px = f64(a.x, 0);
  const py = f64(a.y, 0);
  if (tileAt(map, px, py) === TileKind.Garage) return;
  const g = tuning.goonShot;
  for (let i = ranges.goons[0]; i < ranges.goons[1]; i++) {
    if (a.present[i] === 0 || a.alive[i] === 0 || tick < i32(a.cooldown, i)) continue;
    const d = len(px - f64(a.x, i), py - f64(a.y, i));
    if (d > g.range || !lineOfSight(map, f64(a.x, i), f64(a.y, i), px, py)) continue;
    a.heading[i] = Math.atan2(py - f64(a.y, i), px - f64(a.x, i));
    fireAtPlayer(ctx, i, 'goon', g, d);
  }
  if (!w.police.weaponsFree) return;
  const p = tuning.policeShot;
  for (let i = ranges.police[0]; i < ranges.police[1]; i++) {
    if (a.sees[i] === 0 || tick < i32(a.cooldown, i)) continue;
    const d = len(px - f64(a.x, i), py - f64(a.y, i));
    if (d <= p.range) fireAtPlayer(ctx, i, 'police', p, d);
  }
}

/** The player fires (on foot): auto-aims within a cone; a fresh burst is a "shooting" crime, a hit on a civilian or officer an "assault". */
function playerShoots(ctx: CityContext): void {
  const { runtime: rt, rng, tick } = ctx;
  const { agents: a, counters } = rt;
  const s = tuning.playerShot;
  if (a.car[0] !== -1 || tick < i32(counters, SHOOT_AFTER)) return;
  counters[SHOOT_AFTER] = tick + s.every;
  const lastShot = i32(counters, LAST_SHOT);
  const quiet = tick - lastShot >= tuning.shootingQuietTicks || lastShot === 0;
  counters[LAST_SHOT] = tick;
  const x = f64(a.x, 0);
  const y = f64(a.y, 0);
  const target = findTarget(rt.map, a, 0, s.range, s.halfAngle, rt.scratch.ids, agentsNear(ctx, x, y, s.range));
  const hit = target >= 0 && rng.next() < s.hit;
  const h = f64(a.heading, 0);
  const tx = target >= 0 ? f64(a.x, target) : x + Math.cos(h) * s.range;
  const ty = target >= 0 ? f64(a.y, target) : y + Math.sin(h) * s.range;
  addTracer(rt.tracers, tick, AgentKind.Player, x, y, tx + (hit ? 0 : 1.5), ty + (hit ? 0 : -1.5), hit);
  ctx.emit('shot.fired', { shooter: 0, kind: 'player', hit });
  if (quiet) commitCrime(ctx, 'shooting', 1);
  if (!hit) return;
  ctx.emit('damage', { target, source: 'player', amount: s.damage });
  if (a.kind[target] !== AgentKind.Goon) commitCrime(ctx, 'assault', 2);
}

/** A fast car knocks down whoever it drives into: `damage` from "car", and a "hit-and-run" crime per victim. */
function runOver(ctx: CityContext): void {
  const { runtime: rt, tick } = ctx;
  const { agents: a } = rt;
  const r = tuning.runOver;
  const speed = f64(a.speed, 0);
  if (a.car[0] === -1 || speed < r.minSpeed) return;
  const n = agentsNear(ctx, f64(a.x, 0), f64(a.y, 0), r.radius);
  for (let k = 0; k < n; k++) {
    const i = i32(rt.scratch.ids, k);
    if (i === 0 || a.car[i] !== -1 || a.alive[i] === 0 || tick < i32(a.hitUntil, i)) continue;
    a.hitUntil[i] = tick + r.immuneTicks;
    ctx.emit('damage', { target: i, source: 'car', amount: Math.round(speed * r.damagePerMps) });
    if (a.kind[i] !== AgentKind.Goon) commitCrime(ctx, 'hit-and-run', 2);
  }
}

/** Everyone's shooting and the player's driving into people, for one tick. */
export function stepCombat(ctx: CityContext): void {
  if (ctx.runtime.agents.alive[0] === 0) return;
  hostilesShoot(ctx);
  if (ctx.input.shoot) playerShoots(ctx);
  runOver(ctx);
}
