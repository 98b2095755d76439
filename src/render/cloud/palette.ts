/** Colours of the cloud's dashboard, as 0xRRGGBB numbers (Pixi fills), matched to the page's dark theme. */
export const palette = {
  background: 0x0d1117,
  panel: 0x161b22,
  panelEdge: 0x30363d,
  rack: 0x1c2128,
  rackEdge: 0x444c56,
  slotEmpty: 0x12161c,
  text: 0xe6edf3,
  muted: 0x8b949e,
  ok: 0x3fb950,
  warn: 0xd29922,
  alarm: 0xf85149,
  noData: 0x6e7681,
  accent: 0x58a6ff,
  capacity: 0x3fb950,
  booting: 0xd29922,
  draining: 0x6e7681,
} as const;

/** A CPU bar's colour: green, then amber above 60 %, red above 85 %. */
export function cpuColour(cpu: number): number {
  return cpu > 85 ? palette.alarm : cpu > 60 ? palette.warn : palette.ok;
}

/** An alarm state's colour. */
export function alarmColour(state: string): number {
  return state === 'ALARM' ? palette.alarm : state === 'OK' ? palette.ok : palette.noData;
}
