import type { AnyEngine } from '../../engine';
import type { CloudRuntime, CloudWorld } from '../../scenarios/cloud';
import type { ScenarioRenderer, ViewSettings } from '../contract';
import { createAlarms } from './alarms';
import { layoutFor } from './layout';
import { palette } from './palette';
import { createRacks } from './racks';
import { createTrafficGraph } from './traffic';
import { createStage } from '../stage';

export { hudWidthFor } from './layout';

/** Draws the cloud with Pixi: the alarms and their samples on top, the load balancer and the racks, the traffic below. */
export async function createCloudRenderer(
  host: HTMLElement,
  engine: AnyEngine,
  settings: ViewSettings,
): Promise<ScenarioRenderer> {
  const stage = await createStage(
    host,
    palette.background,
    'The cloud: alarms, the servers in their racks with their CPU, and the traffic',
  );
  const { app } = stage;

  const alarms = createAlarms();
  const racks = createRacks();
  const traffic = createTrafficGraph();
  app.stage.addChild(alarms.layer, racks.layer, traffic.layer);

  function draw(e: AnyEngine, alpha: number): void {
    const w = e.world as CloudWorld;
    const rt = e.runtime as CloudRuntime;
    const dpr = window.devicePixelRatio || 1;
    if (app.renderer.resolution !== dpr) {
      app.renderer.resolution = dpr;
      app.resize();
    }
    const time = performance.now() / 1000;
    const layout = layoutFor(app.screen.width, app.screen.height);
    alarms.update(layout.alarms, w, rt, e.rules, time, settings.reducedMotion);
    racks.update(layout.racks, w, rt, e.tick, alpha, time, settings.reducedMotion);
    traffic.update(layout.traffic, w, rt);
    app.render();
  }

  draw(engine, 1);

  return {
    canvas: app.canvas,
    draw,
    destroy() {
      stage.destroy();
    },
  };
}
