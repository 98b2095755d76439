/**
 * A bare Pixi v8 stage: the baseline `npm run bench:browser` compares the city against. The same Pixi application as
 * every scenario renderer (createStage in src/render/stage.ts), sized to the page, rendering one small square every
 * animation frame.
 */
import { Graphics } from 'pixi.js';
import { palette } from './render/city/palette';
import { createStage } from './render/stage';
import { errorMessage } from './engine/result';

async function startBare(): Promise<void> {
  const { app } = await createStage(document.body, palette.void, 'An empty Pixi stage');
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
