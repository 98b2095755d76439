import { describe, expect, it } from 'vitest';
import type { SirenEvent } from '../../src/engine';
import { saidMessage, saidTextAt } from '../../src/ui/hud/captions';

let seq = 0;
const ev = (type: string, tick: number, payload: Record<string, unknown>): SirenEvent => ({
  seq: ++seq,
  type,
  tick,
  payload,
});

describe("the HUDs' caption of the rules' say", () => {
  it('shows a message.shown for its seconds (60 ticks each), from its tick on, and nothing before or after', () => {
    const m = saidMessage(ev('message.shown', 600, { text: 'cpuHigh is in ALARM', seconds: 2.5 }));
    expect(m).toEqual({ text: 'cpuHigh is in ALARM', from: 600, until: 750 });
    expect(saidTextAt(m ?? null, 599)).toBe('');
    expect(saidTextAt(m ?? null, 600)).toBe('cpuHigh is in ALARM');
    expect(saidTextAt(m ?? null, 749)).toBe('cpuHigh is in ALARM');
    expect(saidTextAt(m ?? null, 750)).toBe('');
  });

  it('reads only message.shown events, and a message without seconds stays the behaviour default of 4', () => {
    expect(saidMessage(ev('sound.played', 10, { sound: 'alarm' }))).toBeUndefined();
    expect(saidMessage(ev('email.sent', 10, { text: 'not a caption' }))).toBeUndefined();
    expect(saidMessage(ev('message.shown', 10, { text: 'hi' }))).toEqual({ text: 'hi', from: 10, until: 250 });
  });

  it('keeps markup as plain text (the caption sets textContent)', () => {
    const m = saidMessage(ev('message.shown', 0, { text: '<img src=x onerror=alert(1)>', seconds: 1 }));
    expect(saidTextAt(m ?? null, 30)).toBe('<img src=x onerror=alert(1)>');
  });

  it('says nothing before any message', () => {
    expect(saidTextAt(null, 0)).toBe('');
  });
});
