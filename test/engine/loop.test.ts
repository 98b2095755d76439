import { describe, expect, it } from 'vitest';
import { createLoop, SPEEDS } from '../../src/engine';

describe('fixed-step loop', () => {
  it('runs at 60 Hz: dt is 1/60 s', () => {
    expect(createLoop().dt).toBeCloseTo(1 / 60, 12);
  });

  it('one 16.67 ms frame gives one tick', () => {
    expect(createLoop().advance(16.67)).toBe(1);
    expect(createLoop().advance(16.6)).toBe(0);
  });

  it('one second gives exactly 60 ticks', () => {
    const loop = createLoop();
    expect(loop.advance(1000)).toBe(60);
    expect(loop.alpha).toBeLessThan(1e-6);
  });

  it('100 ms gives 6 ticks', () => {
    expect(createLoop().advance(100)).toBe(6);
  });

  it('accumulates short frames until a tick is due', () => {
    const loop = createLoop();
    expect(loop.advance(10)).toBe(0);
    expect(loop.advance(10)).toBe(1);
    expect(loop.advance(10)).toBe(0);
    expect(loop.advance(4)).toBe(1);
  });

  it('keeps real time over many frames (no drift)', () => {
    const loop = createLoop();
    let ticks = 0;
    for (let i = 0; i < 6000; i++) ticks += loop.advance(1000 / 144); // a 144 Hz display for 41.7 s
    expect(Math.abs(ticks - 2500)).toBeLessThanOrEqual(1);
  });

  it('reports alpha, the elapsed fraction of the next tick', () => {
    const loop = createLoop();
    loop.advance(25); // 1.5 ticks
    expect(loop.alpha).toBeCloseTo(0.5, 6);
    loop.advance(8);
    expect(loop.alpha).toBeCloseTo(0.98, 2);
  });

  it('caps the catch-up after a stall and counts the dropped ticks', () => {
    const loop = createLoop({ maxTicksPerAdvance: 10 });
    expect(loop.advance(1000)).toBe(10);
    expect(loop.dropped).toBe(50);
    expect(loop.advance(16.67)).toBe(1);
    expect(loop.dropped).toBe(50);
  });

  it('counts a stall longer than a second in dropped too', () => {
    const loop = createLoop();
    expect(loop.advance(5000)).toBe(64);
    expect(loop.dropped).toBe(300 - 64);
  });

  it('treats negative, NaN and infinite elapsed time as none, and keeps working', () => {
    const loop = createLoop();
    expect(loop.advance(-50)).toBe(0);
    expect(loop.advance(NaN)).toBe(0);
    expect(loop.advance(Infinity)).toBe(0);
    expect(loop.advance(16.67)).toBe(1);
  });

  it('runs no ticks while paused, and alpha is 0', () => {
    const loop = createLoop();
    loop.advance(8);
    loop.paused = true;
    expect(loop.advance(1000)).toBe(0);
    expect(loop.alpha).toBe(0);
    loop.paused = false;
    expect(loop.advance(16.67)).toBeGreaterThanOrEqual(1);
  });

  it('stepOnce runs exactly one tick while paused', () => {
    const loop = createLoop();
    loop.paused = true;
    loop.stepOnce();
    expect(loop.advance(0)).toBe(1);
    expect(loop.advance(1000)).toBe(0);
    loop.stepOnce();
    loop.stepOnce();
    expect(loop.advance(0)).toBe(2);
  });

  it('speed scales time and is clamped to 0.25…8', () => {
    const loop = createLoop();
    loop.speed = 2;
    expect(loop.advance(100)).toBe(12);
    loop.speed = 0.25;
    expect(loop.advance(100)).toBe(1); // 1.5 ticks: one now, half kept
    loop.speed = 100;
    expect(loop.speed).toBe(8);
    loop.speed = 0;
    expect(loop.speed).toBe(0.25);
    loop.speed = -3;
    expect(loop.speed).toBe(0.25);
    loop.speed = NaN;
    expect(loop.speed).toBe(1);
    expect(SPEEDS[0]).toBe(0.25);
    expect(SPEEDS[SPEEDS.length - 1]).toBe(8);
  });
});
