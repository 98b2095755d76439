import type { AnyEngine as Engine, LogReader, SirenEvent } from '../engine';

/** What the audio needs from the player's settings. */
export interface SoundSettings {
  muted: boolean;
}

/** Sound for the city: a two-tone siren while a pursuit runs, hits, and radio lines (crackle + speech). Reads events only. */
export interface CitySound {
  update(engine: Engine): void;
  destroy(): void;
}

/** The master volume when not muted. */
const VOLUME = 0.25;

/** The siren: a sawtooth whose pitch an LFO sweeps, gated by its own gain (0 while no pursuit runs). */
function createSiren(ctx: AudioContext, out: AudioNode): GainNode {
  const sirenGain = ctx.createGain();
  sirenGain.gain.value = 0;
  sirenGain.connect(out);
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
  return sirenGain;
}

/** Half a second of white noise from a fixed seed (the same on every load). */
function createNoise(ctx: AudioContext): AudioBuffer {
  const noise = ctx.createBuffer(1, ctx.sampleRate * 0.5, ctx.sampleRate);
  const data = noise.getChannelData(0);
  let seed = 12345;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    data[i] = (seed / 0x7fffffff) * 2 - 1;
  }
  return noise;
}

/** The short sounds: filtered noise bursts (hits, shots, radio crackle) and tones. */
function createVoices(ctx: AudioContext, out: AudioNode) {
  const noise = createNoise(ctx);
  /** A burst of band-passed noise that fades out over `duration` seconds. */
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
    src.connect(f).connect(g).connect(out);
    src.start(t);
    src.stop(t + duration);
  };
  /** A short tone, for the rule sounds that are not bursts. */
  const beep = (freq: number, duration: number, level: number) => {
    const o = ctx.createOscillator();
    const g = ctx.createGain();
    const t = ctx.currentTime;
    o.frequency.value = freq;
    g.gain.setValueAtTime(level, t);
    g.gain.exponentialRampToValueAtTime(0.001, t + duration);
    o.connect(g).connect(out);
    o.start(t);
    o.stop(t + duration);
  };
  return { burst, beep };
}

/** Plays a sound a rule's playSound names (the catalogue in src/engine/behaviours/say.ts). */
function playNamed(voices: ReturnType<typeof createVoices>, sound: string): void {
  const { burst, beep } = voices;
  if (sound === 'hit') burst(0.12, 900, 1.2, 0.6);
  else if (sound === 'shot') burst(0.08, 2500, 0.8, 0.3);
  else if (sound === 'radio') burst(0.35, 1600, 3, 0.25);
  else if (sound === 'coin') beep(1320, 0.15, 0.4);
  else if (sound === 'chime') beep(880, 0.4, 0.3);
  else if (sound === 'alarm') beep(440, 0.6, 0.4);
  else if (sound === 'siren') beep(700, 0.8, 0.3);
}

/** Speaks a radio line, unless muted or the browser has no speech. */
function speak(settings: SoundSettings, line: string): void {
  if (settings.muted || typeof speechSynthesis === 'undefined') return;
  const u = new SpeechSynthesisUtterance(line);
  u.rate = 1.1;
  u.pitch = 0.8;
  speechSynthesis.speak(u);
}

/** What playing an event needs: the context, the siren's gate, the short sounds and the settings. */
interface Sounds {
  ctx: AudioContext;
  siren: GainNode;
  voices: ReturnType<typeof createVoices>;
  settings: SoundSettings;
}

/** Plays what one event of the log sounds like. */
function play(s: Sounds, ev: SirenEvent): void {
  const p = ev.payload as Record<string, unknown>;
  if (ev.type === 'siren.changed') s.siren.gain.setTargetAtTime(p.on ? 0.35 : 0, s.ctx.currentTime, 0.15);
  else if (ev.type === 'damage') playNamed(s.voices, 'hit');
  else if (ev.type === 'shot.fired') playNamed(s.voices, 'shot');
  else if (ev.type === 'sound.played') playNamed(s.voices, String(p.sound));
  else if (ev.type === 'radio.said' && typeof p.line === 'string') {
    playNamed(s.voices, 'radio');
    speak(s.settings, p.line);
  }
}

/** Creates the sound; call only after a user gesture, so no autoplay warning appears. */
export function createCitySound(engine: Engine, settings: SoundSettings): CitySound {
  const ctx = new AudioContext();
  const master = ctx.createGain();
  master.gain.value = VOLUME;
  master.connect(ctx.destination);
  const s: Sounds = { ctx, siren: createSiren(ctx, master), voices: createVoices(ctx, master), settings };

  let current: Engine = engine;
  let reader: LogReader = engine.log.reader('audio');
  let muted = settings.muted;
  return {
    update(e) {
      if (e !== current) {
        reader.close();
        current = e;
        reader = e.log.reader('audio');
        s.siren.gain.value = 0;
      }
      if (settings.muted !== muted) {
        muted = settings.muted;
        master.gain.setTargetAtTime(muted ? 0 : VOLUME, ctx.currentTime, 0.05);
        if (muted && typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
      }
      // Far behind (a stalled tab, a flood of events): old sounds are pointless, so skip to the recent ones.
      if (reader.lag() > 2000) reader.seek(e.log.end - 200);
      for (const ev of reader.poll(500)) play(s, ev);
    },
    destroy() {
      reader.close();
      if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
      void ctx.close();
    },
  };
}
