/** The gap around the dashboard's parts. */
export const GAP = 14;

/** Width of the HUD column on the left for a stage this wide (the DOM HUD sizes itself with it): narrower on small stages. */
export function hudWidthFor(stageWidth: number): number {
  return stageWidth >= 900 ? 300 : 232;
}

/** Height of the racks' load balancer bar, cables and rack frames around their 8 rows of units. */
export const RACK_CHROME = 34 + 22 + 18;

/** A rectangle on the screen. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where each part of the dashboard goes on a screen of this size. */
export interface CloudLayout {
  alarms: Box;
  racks: Box;
  traffic: Box;
}

/** Lays the dashboard out right of the HUD column: alarms on top, the racks, the traffic below. */
export function layoutFor(width: number, height: number): CloudLayout {
  const left = hudWidthFor(width) + 2 * GAP;
  const top = 52;
  const w = Math.max(200, width - left - GAP);
  const h = Math.max(300, height - top - GAP);
  const alarmsH = Math.round(Math.min(150, Math.max(110, h * 0.2)));
  // The racks take what their units need (8 rows of up to 30 px); the traffic graph gets the rest.
  const minTraffic = 120;
  const unitH = Math.max(16, Math.min(30, (h - alarmsH - minTraffic - 2 * GAP - RACK_CHROME) / 8 - 4));
  const racksH = Math.round(RACK_CHROME + 8 * (unitH + 4));
  const trafficH = h - alarmsH - racksH - 2 * GAP;
  return {
    alarms: { x: left, y: top, w, h: alarmsH },
    racks: { x: left, y: top + alarmsH + GAP, w, h: racksH },
    traffic: { x: left, y: top + alarmsH + GAP + racksH + GAP, w, h: trafficH },
  };
}
