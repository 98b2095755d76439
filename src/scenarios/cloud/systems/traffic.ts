import { f64, i32 } from '../../../game';
import {
  cloudTuning as T,
  DEMAND,
  JITTER,
  MOOD,
  PHASE,
  PREV_RPS,
  RPS,
  SLIDER_SINCE,
  SPIKE_HELD,
  SPIKE_RPS,
  SPIKE_UNTIL,
  SURGE_HEIGHT,
  SURGE_RPS,
  SURGE_START,
  SURGE_UNTIL,
} from '../config';
import type { CloudRuntime } from '../types';
import type { CloudContext } from './context';

const SPIKE_RISE = 3 * 60;
const SPIKE_FALL = 10 * 60;

/** 0 before `start`, rising to 1 over `rise` ticks, 1 until `until`, falling to 0 over `fall` ticks. */
function envelope(tick: number, start: number, until: number, rise: number, fall: number): number {
  if (tick < start) return 0;
  if (tick < start + rise) return (tick - start) / rise;
  if (tick < until) return 1;
  return Math.max(0, 1 - (tick - until) / fall);
}

/** The daily wave at `tick`: `night` at midnight, 1 at midday. */
export function dailyWave(rt: CloudRuntime, tick: number): number {
  const phase = ((tick + f64(rt.traffic, PHASE)) % T.dayTicks) / T.dayTicks;
  return T.night + (1 - T.night) * (0.5 - 0.5 * Math.cos(2 * Math.PI * phase));
}

/** The demand (requests per second) at `tick` for a slider setting, before jitter. */
export function demandAt(rt: CloudRuntime, tick: number, setting: number): number {
  const peak = T.peak.low + (T.peak.high - T.peak.low) * setting;
  return peak * f64(rt.traffic, MOOD) * dailyWave(rt, tick) + f64(rt.traffic, SPIKE_RPS) + f64(rt.traffic, SURGE_RPS);
}

/**
 * The traffic for one tick: the slider settles into the setting (load.changed "slider"), the Spike button starts a
 * spike (load.changed "spike"), random surges come and go ("surge", "calm"), and the requests per second follow
 * the demand with a little jitter.
 */
export function stepTraffic(ctx: CloudContext): void {
  const { runtime: rt, world: w, input, tick, rng } = ctx;
  const tr = rt.traffic;
  const c = rt.counters;

  // The slider: a new value counts once it has rested for a moment.
  if (input.load !== rt.slider[0]) {
    rt.slider[0] = input.load;
    c[SLIDER_SINCE] = tick;
  }
  const settle = tick - i32(c, SLIDER_SINCE) === T.sliderSettleTicks && rt.slider[0] !== w.load.setting;
  if (settle) w.load.setting = rt.slider[0];

  // The Spike button acts on the press; a press during a spike is ignored.
  let started = '';
  const pressed = input.spike && c[SPIKE_HELD] === 0;
  c[SPIKE_HELD] = input.spike ? 1 : 0;
  if (pressed && tick >= i32(c, SPIKE_UNTIL)) {
    c[SPIKE_UNTIL] = tick + T.spike.ticks;
    started = 'spike';
  }
  if (tick % T.sampleTicks === 0 && tick >= i32(c, SURGE_UNTIL) + SPIKE_FALL && rng.chance(T.surge.chance)) {
    c[SURGE_START] = tick;
    c[SURGE_UNTIL] = tick + rng.int(T.surge.minTicks, T.surge.maxTicks);
    tr[SURGE_HEIGHT] = rng.int(T.surge.minRps, T.surge.maxRps);
    started ||= 'surge';
  }
  const spikeUntil = i32(c, SPIKE_UNTIL);
  const surgeUntil = i32(c, SURGE_UNTIL);
  tr[SPIKE_RPS] = T.spike.rps * envelope(tick, spikeUntil - T.spike.ticks, spikeUntil, SPIKE_RISE, SPIKE_FALL);
  tr[SURGE_RPS] = f64(tr, SURGE_HEIGHT) * envelope(tick, i32(c, SURGE_START), surgeUntil, SPIKE_RISE, SPIKE_FALL);
  const on = tick < spikeUntil || tick < surgeUntil;
  const ended = w.load.spike && !on;
  if (w.load.spike !== on) w.load.spike = on;
  const kind = tick < spikeUntil ? 'spike' : tick < surgeUntil ? 'surge' : '';
  if (w.load.kind !== kind) w.load.kind = kind;

  // The day's mood drifts a little every sample; the jitter twice a second.
  if (tick % T.sampleTicks === 0) tr[MOOD] = Math.max(0.85, Math.min(1.15, f64(tr, MOOD) + rng.range(-0.03, 0.03)));
  if (tick % 30 === 0) tr[JITTER] = rng.range(-0.05, 0.05);
  const demand = demandAt(rt, tick, w.load.setting);
  tr[DEMAND] = demand;
  tr[PREV_RPS] = f64(tr, RPS);
  tr[RPS] = f64(tr, RPS) + (demand * (1 + f64(tr, JITTER)) - f64(tr, RPS)) * 0.05;

  const rps = Math.round(demand);
  if (settle) ctx.emit('load.changed', { rps, source: 'slider' });
  if (started) ctx.emit('load.changed', { rps, source: started });
  else if (ended) ctx.emit('load.changed', { rps, source: 'calm' });
}
