import type { AnyEngine as Engine, LogReader } from '../engine';

/** What the audio needs from the player's settings. */
export interface SoundSettings {
  muted: boolean;
}

/** Sound for the city: a two-tone siren while a pursuit runs, hits, and radio lines (crackle + speech). Reads events only. */
export interface CitySound {
  update(engine: Engine): void;
  destroy(): void;
}

/** Creates the sound; call only after a user gesture, so no autoplay warning appears. */
export function createCitySound(engine: Engine, settings: SoundSettings): CitySound {
  const ctx = new AudioContext();
  const master = ctx.createGain();
  master.gain.value = 0.25;
  master.connect(ctx.destination);

  // Siren: an oscillator whose pitch sweeps, gated by its own gain.
  const sirenGain = ctx.createGain();
  sirenGain.gain.value = 0;
  sirenGain.connect(master);
  const osc = ctx.createOscillator();
  osc.type = 'sawtooth';
  osc.frequency.value = 700;
  const lfo = ctx.createOscillator();
  lfo.frequency.value = 0.6;
  const lfoDepth = ctx.createGain();
  lfoDepth.gain.value = 250;
  lfo.connect(lfoDepth).connect(osc.frequency);
  const tone = ctx.createBiquadFilter();
  tone.type = 'lowpass';
  tone.frequency.value = 1800;
  osc.connect(tone).connect(sirenGain);
  osc.start();
  lfo.start();

  const noise = ctx.createBuffer(1, ctx.sampleRate * 0.5, ctx.sampleRate);
  const data = noise.getChannelData(0);
  let seed = 12345;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    data[i] = (seed / 0x7fffffff) * 2 - 1;
  }
  const burst = (duration: number, freq: number, q: number, level: number) => {
    const src = ctx.createBufferSource();
    src.buffer = noise;
    const f = ctx.createBiquadFilter();
    f.type = 'bandpass';
    f.frequency.value = freq;
    f.Q.value = q;
    const g = ctx.createGain();
    const t = ctx.currentTime;
    g.gain.setValueAtTime(level, t);
    g.gain.exponentialRampToValueAtTime(0.001, t + duration);
    src.connect(f).connect(g).connect(master);
    src.start(t);
    src.stop(t + duration);
  };

  const speak = (line: string) => {
    if (settings.muted || typeof speechSynthesis === 'undefined') return;
    const u = new SpeechSynthesisUtterance(line);
    u.rate = 1.1;
    u.pitch = 0.8;
    speechSynthesis.speak(u);
  };

  /** A short tone, for the rule sounds that are not bursts. */
  const beep = (freq: number, duration: number, level: number) => {
    const o = ctx.createOscillator();
    const g = ctx.createGain();
    const t = ctx.currentTime;
    o.frequency.value = freq;
    g.gain.setValueAtTime(level, t);
    g.gain.exponentialRampToValueAtTime(0.001, t + duration);
    o.connect(g).connect(master);
    o.start(t);
    o.stop(t + duration);
  };
  /** The sounds a rule's playSound names (the catalogue in src/engine/behaviours/say.ts). */
  const playNamed = (sound: string) => {
    if (sound === 'hit') burst(0.12, 900, 1.2, 0.6);
    else if (sound === 'shot') burst(0.08, 2500, 0.8, 0.3);
    else if (sound === 'radio') burst(0.35, 1600, 3, 0.25);
    else if (sound === 'coin') beep(1320, 0.15, 0.4);
    else if (sound === 'chime') beep(880, 0.4, 0.3);
    else if (sound === 'alarm') beep(440, 0.6, 0.4);
    else if (sound === 'siren') beep(700, 0.8, 0.3);
  };

  let current: Engine = engine;
  let reader: LogReader = engine.log.reader('audio');
  let muted = settings.muted;
  return {
    update(e) {
      if (e !== current) {
        reader.close();
        current = e;
        reader = e.log.reader('audio');
        sirenGain.gain.value = 0;
      }
      if (settings.muted !== muted) {
        muted = settings.muted;
        master.gain.setTargetAtTime(muted ? 0 : 0.25, ctx.currentTime, 0.05);
        if (muted && typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
      }
      // Far behind (a stalled tab, a flood of events): old sounds are pointless, so skip to the recent ones.
      if (reader.lag() > 2000) reader.seek(e.log.end - 200);
      for (const ev of reader.poll(500)) {
        const p = ev.payload as Record<string, unknown>;
        if (ev.type === 'siren.changed') sirenGain.gain.setTargetAtTime(p.on ? 0.35 : 0, ctx.currentTime, 0.15);
        else if (ev.type === 'damage') burst(0.12, 900, 1.2, 0.6);
        else if (ev.type === 'shot.fired') burst(0.08, 2500, 0.8, 0.3);
        else if (ev.type === 'sound.played') playNamed(String(p.sound));
        else if (ev.type === 'radio.said' && typeof p.line === 'string') {
          burst(0.35, 1600, 3, 0.25);
          speak(p.line);
        }
      }
    },
    destroy() {
      reader.close();
      if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
      void ctx.close();
    },
  };
}
