// TEMPORARY harness for the city renderer (deleted before hand-off).
import 'pixi.js/unsafe-eval';
import { Application } from 'pixi.js';
import { createEngine, loadRules, scenarioCatalogue } from '../../../engine';
import { createCityScenario } from '../../../scenarios/city';
import { createCityRenderer } from '..';
import rulesText from '../../../../public/rules/city.json?raw';

const q = new URLSearchParams(location.search);
const host = document.getElementById('host') as HTMLElement;
const times = new Float64Array(600);
const steps = new Float64Array(600);
let n = 0;
const pct = (a: Float64Array, p: number) => {
  const s = Array.from(a.subarray(0, Math.min(n, a.length))).sort((x, y) => x - y);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : 0;
};
(window as unknown as Record<string, unknown>).__perf = () => ({ drawP50: pct(times, 0.5), drawP95: pct(times, 0.95), stepP50: pct(steps, 0.5), frames: n });

if (q.get('mode') === 'bare') {
  const app = new Application();
  await app.init({ width: innerWidth, height: innerHeight, resolution: devicePixelRatio, autoDensity: true, autoStart: false, background: 0x111111, preference: 'webgl' });
  host.append(app.canvas);
  if (q.has('maxtex')) (app.renderer as unknown as { limits: { maxBatchableTextures: number } }).limits.maxBatchableTextures = Number(q.get('maxtex'));
  const { Sprite, Texture, Graphics } = await import('pixi.js');
  for (let k = 0; k < Number(q.get('sprites') ?? 0); k++) {
    const sp = new Sprite(Texture.WHITE);
    sp.width = 1280;
    sp.height = 800;
    sp.tint = 0x223344 + k;
    app.stage.addChild(sp);
  }
  for (let k = 0; k < Number(q.get('rects') ?? 0); k++) app.stage.addChild(new Graphics().rect(0, 0, 1280, 800).fill(0x334455 + k));
  const frame = () => {
    const t0 = performance.now();
    app.render();
    times[n++ % 600] = performance.now() - t0;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
} else {
  const num = (k: string, d: number) => (q.has(k) ? Number(q.get(k)) : d);
  const scenario = createCityScenario({ civilians: num('civilians', 60), police: num('police', 8), goons: num('goons', 6), blocks: num('blocks', 8) });
  const r = loadRules(rulesText, scenarioCatalogue(scenario), 'city.json');
  if (!r.ok) throw new Error('rules');
  const engine = createEngine({ scenario, rules: r.rules, seed: num('seed', 1) });
  if (q.has('abdirect')) (globalThis as unknown as { __groundDirect?: boolean }).__groundDirect = true;
  if (q.has('nearest')) (globalThis as unknown as { __nearest?: boolean }).__nearest = true;
  const settings = { reducedMotion: q.has('reduced'), muted: true };
  const renderer = await createCityRenderer(host, engine, settings);
  const auto = scenario.createAutopilot(1);
  // Time app.render() apart from the rest of draw().
  const dbg = (globalThis as unknown as { __cityDebug: { app: { render: () => void } } }).__cityDebug;
  const realRender = dbg.app.render.bind(dbg.app);
  const renders = new Float64Array(600);
  let lastRender = 0;
  dbg.app.render = () => {
    const r0 = performance.now();
    realRender();
    lastRender = performance.now() - r0;
  };
  (window as unknown as Record<string, unknown>).__render = () => ({ renderP50: pct(renders, 0.5), renderP95: pct(renders, 0.95) });
  const skip = num('skip', 0);
  for (let i = 0; i < skip; i++) engine.step(auto(engine.world, engine.runtime, engine.tick));
  let last = performance.now();
  let acc = 0;
  // A/B: alternate every 20 frames between everything drawn (A) and some layers hidden (B: all, or ?b=i,j world children).
  const ab = q.has('ab');
  const bList = (q.get('b') ?? '').split(',').filter(Boolean).map(Number);
  const abTime = [0, 0];
  const abFrames = [0, 0];
  let prevNow = 0;
  (window as unknown as Record<string, unknown>).__ab = () => ({ fpsA: abFrames[0] / (abTime[0] / 1000), fpsB: abFrames[1] / (abTime[1] / 1000), ratio: (abFrames[0] / abTime[0]) / (abFrames[1] / abTime[1]) });
  const setB = (on: boolean) => {
    if (q.has('abdirect')) {
      const g = (globalThis as unknown as { __cityDebug: { world: { children: { children: { visible: boolean; label: string }[] }[] } } }).__cityDebug.world.children[0];
      for (const m of g.children) if (m.label === 'direct') m.visible = on;
      (globalThis as unknown as { __groundDirectOn?: boolean }).__groundDirectOn = on;
      return;
    }
    if (q.has('abnearest')) {
      const g = (globalThis as unknown as { __cityDebug: { world: { children: { children: { texture: { source: { scaleMode: string } } }[] }[] } } }).__cityDebug.world.children[0];
      for (const m of g.children) m.texture.source.scaleMode = on ? 'nearest' : 'linear';
      return;
    }
    const d = (globalThis as unknown as { __cityDebug: { app: { stage: { children: { visible: boolean }[] } }; world: { children: { visible: boolean }[] } } }).__cityDebug;
    if (bList.length === 0) for (const c of d.app.stage.children) c.visible = !on;
    else for (const i of bList) if (i === 99) d.app.stage.children[1].visible = !on; else d.world.children[i].visible = !on;
  };
  const frame = (now: number) => {
    if (q.has('showdirect')) setB(true);
    if (ab && n > 10) {
      const phase = Math.floor(n / 6) & 1;
      if (n % 6 > 1 && prevNow) {
        abTime[phase] += now - prevNow;
        abFrames[phase]++;
      }
      setB(phase === 1);
    }
    prevNow = now;
    acc += Math.min(100, now - last);
    last = now;
    const s0 = performance.now();
    if (q.has('pause')) acc = 0;
    while (acc >= 1000 / 60) {
      engine.step(auto(engine.world, engine.runtime, engine.tick));
      acc -= 1000 / 60;
    }
    const t0 = performance.now();
    renderer.draw(engine, acc / (1000 / 60));
    const t1 = performance.now();
    steps[n % 600] = t0 - s0;
    renders[n % 600] = lastRender;
    times[n++ % 600] = t1 - t0;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
const hideList = (q.get('hide') ?? '').split(',').filter(Boolean).map(Number);
setTimeout(() => {
  const d = (globalThis as unknown as { __cityDebug: { world: { children: { visible: boolean }[] }; minimap: { layer: { visible: boolean } } } }).__cityDebug;
  for (const i of hideList) if (i === 99) d.minimap.layer.visible = false; else d.world.children[i].visible = false;
}, 500);
