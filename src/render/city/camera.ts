/** Where the view looks: centre in metres and zoom in CSS pixels per metre; follows a target smoothly. */
export interface Camera {
  x: number;
  y: number;
  zoom: number;
  /** False until the first follow (and after a reset): the next follow snaps instead of gliding. */
  placed: boolean;
  /** The visible rectangle in metres, updated by followTarget. */
  readonly view: ViewRect;
}

/** A rectangle in metres, by its edges. */
export interface ViewRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Metres of the shorter screen side at rest; zooms out up to 35 % more at full driving speed. */
const BASE_SPAN = 78;
const MIN_ZOOM = 6.5;
const MAX_ZOOM = 16;
const SPEED_ZOOM_OUT = 0.35;
const FULL_SPEED = 19;
/** Beyond this distance the camera cuts instead of gliding (respawn, restart). */
const CUT_DISTANCE = 60;

/** Creates a camera that has not been placed yet. */
export function createCamera(): Camera {
  return { x: 0, y: 0, zoom: 8, placed: false, view: { left: 0, top: 0, right: 0, bottom: 0 } };
}

/** The zoom at rest (CSS pixels per metre) for a screen size. */
export function restingZoom(screenW: number, screenH: number): number {
  // Small windows still show people a few pixels wide; huge ones do not show half the city.
  return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Math.min(screenW, screenH) / BASE_SPAN));
}

/**
 * Moves the camera towards (tx, ty), looking a little ahead along (vx, vy) m/s, and zooms from `base` (the resting
 * zoom) out with speed. `dt` is the real time since the last frame in seconds. Reduced motion: no speed zoom, a
 * tighter follow.
 */
export function followTarget(
  cam: Camera,
  tx: number,
  ty: number,
  vx: number,
  vy: number,
  dt: number,
  base: number,
  screenW: number,
  screenH: number,
  mapW: number,
  mapH: number,
  reducedMotion: boolean,
): void {
  const speed = Math.hypot(vx, vy);
  const wantZoom = reducedMotion ? base : base / (1 + SPEED_ZOOM_OUT * Math.min(1, speed / FULL_SPEED));
  const lead = reducedMotion ? 0 : 0.45;
  const wantX = tx + vx * lead;
  const wantY = ty + vy * lead;
  if (!cam.placed || Math.hypot(wantX - cam.x, wantY - cam.y) > CUT_DISTANCE) {
    cam.x = wantX;
    cam.y = wantY;
    cam.zoom = wantZoom;
    cam.placed = true;
  } else {
    const k = 1 - Math.exp(-dt * (reducedMotion ? 14 : 6));
    cam.x += (wantX - cam.x) * k;
    cam.y += (wantY - cam.y) * k;
    cam.zoom += (wantZoom - cam.zoom) * (1 - Math.exp(-dt * 2.5));
    // Settle exactly on the resting zoom instead of creeping towards it for ever.
    if (Math.abs(wantZoom - cam.zoom) < wantZoom * 1e-3) cam.zoom = wantZoom;
  }
  // Keep the map on screen: clamp to its edges, or centre it when it is smaller than the view.
  const halfW = screenW / 2 / cam.zoom;
  const halfH = screenH / 2 / cam.zoom;
  const margin = 6;
  cam.x = mapW + 2 * margin <= 2 * halfW ? mapW / 2 : Math.max(halfW - margin, Math.min(mapW + margin - halfW, cam.x));
  cam.y = mapH + 2 * margin <= 2 * halfH ? mapH / 2 : Math.max(halfH - margin, Math.min(mapH + margin - halfH, cam.y));
  cam.view.left = cam.x - halfW;
  cam.view.top = cam.y - halfH;
  cam.view.right = cam.x + halfW;
  cam.view.bottom = cam.y + halfH;
}
