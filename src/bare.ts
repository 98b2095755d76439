/**
 * A bare Pixi v8 stage: the baseline `npm run bench:browser` compares the city against. Same Application options as
 * the city renderer (src/render/city/index.ts), sized to the window, rendering one small square every animation frame.
 */
import 'pixi.js/unsafe-eval';
import { Application, Graphics } from 'pixi.js';
import { errorMessage } from './engine/result';

/** The city's background colour (palette.void), so both pages clear the same way. */
const BACKGROUND = 0x0b0d10;

async function startBare(): Promise<void> {
  const app = new Application();
  await app.init({
    resizeTo: window,
    resolution: window.devicePixelRatio || 1,
    autoDensity: true,
    autoStart: false,
    sharedTicker: false,
    antialias: false,
    background: BACKGROUND,
    preference: 'webgl',
  });
  app.canvas.setAttribute('aria-label', 'An empty Pixi stage');
  document.body.prepend(app.canvas);
  const square = new Graphics().rect(-8, -8, 16, 16).fill(0xe0b43a);
  app.stage.addChild(square);

  let frames = 0;
  const frame = (now: number) => {
    square.position.set(app.screen.width / 2, app.screen.height / 2);
    square.rotation = now / 1000;
    app.render();
    // The same mark the city sets after its first frame, so the benchmark compares like with like.
    if (frames++ === 0) performance.mark('siren:first-frame');
    requestAnimationFrame(frame);
  };
  app.render();
  requestAnimationFrame(frame);
  Object.defineProperty(window, 'bare', { value: Object.freeze({ frames: () => frames }), configurable: true });
  document.body.dataset.ready = 'true';
}

startBare().catch((e: unknown) => {
  document.body.textContent = `The bare stage could not start: ${errorMessage(e)}`;
  throw e;
});
