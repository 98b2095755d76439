import { describe, expect, it } from 'vitest';
import { cityView } from '../../src/ui/city';
import { createGamepadInput } from '../../src/ui/input/gamepad';
import { padKeys, stickKeys } from '../../src/ui/input/mapping';
import type { PadState } from '../../src/ui/input/mapping';
import { createKeyState } from '../../src/ui/keyboard';

const codes = (keys: readonly (readonly [string, string])[]) => keys.map(([code]) => code).sort();

/** A standard-mapping pad with these buttons pressed and this left stick. */
function pad(pressed: number[] = [], axes: number[] = [0, 0]): PadState {
  return { axes, buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: pressed.includes(i) })) };
}

describe('key latch: a tap shorter than a tick still reaches the next tick', () => {
  it('a key pressed and released between two ticks is held for exactly one tick', () => {
    const k = createKeyState();
    k.press('Space', ' ', 'key');
    k.release('Space', 'key');
    expect(k.held('Space')).toBe(true);
    k.endTick();
    expect(k.held('Space')).toBe(false);
  });

  it('a key still down stays held after the tick; released, it is gone after the next', () => {
    const k = createKeyState();
    k.press('KeyE', 'e', 'key');
    k.endTick();
    expect(k.held('KeyE')).toBe(true);
    k.release('KeyE', 'key');
    expect(k.held('KeyE')).toBe(false);
  });

  it('each source holds its own keys: releasing the stick does not release the keyboard', () => {
    const k = createKeyState();
    k.press('ArrowUp', 'ArrowUp', 'key');
    k.press('ArrowUp', 'ArrowUp', 'touch');
    k.release('ArrowUp', 'touch');
    k.endTick();
    expect(k.held('ArrowUp')).toBe(true);
    expect(k.takePressed()).toEqual(['ArrowUp', 'ArrowUp']);
  });
});

describe('touch stick and gamepad map to the keyboard keys', () => {
  it('the stick gives eight directions and nothing in its dead zone', () => {
    expect(codes(stickKeys(0, -1))).toEqual(['ArrowUp']);
    expect(codes(stickKeys(1, 1))).toEqual(['ArrowDown', 'ArrowRight']);
    expect(codes(stickKeys(-0.9, 0.2))).toEqual(['ArrowLeft']);
    expect(stickKeys(0.1, 0.1)).toEqual([]);
    expect(stickKeys(NaN, 1)).toEqual([]);
  });

  it('gamepad: A shoots, B and X get in or out, Start pauses, the d-pad and left stick move', () => {
    expect(codes(padKeys(pad([0])))).toEqual(['Space']);
    expect(codes(padKeys(pad([1])))).toEqual(['KeyE']);
    expect(codes(padKeys(pad([2])))).toEqual(['KeyE']);
    expect(codes(padKeys(pad([9])))).toEqual(['KeyP']);
    expect(codes(padKeys(pad([12, 15])))).toEqual(['ArrowRight', 'ArrowUp']);
    expect(codes(padKeys(pad([], [-1, 0.05])))).toEqual(['ArrowLeft']);
    expect(codes(padKeys(pad([14], [-1, 0])))).toEqual(['ArrowLeft']);
  });

  it('a polled gamepad drives the city input like the keyboard would, and releases on the next poll', () => {
    const k = createKeyState();
    let pads: (PadState | null)[] = [null, pad([0, 13])];
    const nav = { getGamepads: () => pads } as unknown as Navigator;
    const g = createGamepadInput(k, nav);
    g.poll();
    expect(cityView.readInput(k)).toEqual({
      up: false,
      down: true,
      left: false,
      right: false,
      action: false,
      shoot: true,
    });
    k.endTick();
    pads = [pad([9])];
    g.poll();
    expect(k.held('Space')).toBe(false);
    expect(k.held('ArrowDown')).toBe(false);
    expect(k.takePressed()).toEqual([' ', 'ArrowDown', 'p']);
  });

  it('the city offers touch buttons for the car, shooting and pause', () => {
    expect(cityView.touchButtons?.map(([, code]) => code)).toEqual(['KeyE', 'Space', 'KeyP']);
  });
});
