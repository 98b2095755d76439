import 'pixi.js/unsafe-eval';
import { Application } from 'pixi.js';

/** A scenario's Pixi application in its host element, and how to take it down. */
export interface Stage {
  readonly app: Application;
  /** Stops following the host's size and destroys the application, its canvas and its display tree. */
  destroy(): void;
}

/**
 * Creates the Pixi application every scenario renderer draws into: WebGL, sized to `host` (and kept so), rendered
 * only when the renderer asks (no ticker), without Pixi's pointer events and accessibility layer (nothing on the
 * canvas is clicked or tabbed to; the HUD is DOM). The canvas goes first in `host`, labelled for screen readers.
 */
export async function createStage(host: HTMLElement, background: number, label: string): Promise<Stage> {
  const app = new Application();
  await app.init({
    resizeTo: host,
    resolution: window.devicePixelRatio || 1,
    autoDensity: true,
    autoStart: false,
    sharedTicker: false,
    antialias: false,
    background,
    preference: 'webgl',
    manageImports: false,
  });
  app.canvas.setAttribute('aria-label', label);
  host.prepend(app.canvas);
  const resizeObserver = new ResizeObserver(() => app.queueResize());
  resizeObserver.observe(host);
  return {
    app,
    destroy() {
      resizeObserver.disconnect();
      app.destroy({ removeView: true }, { children: true });
    },
  };
}
