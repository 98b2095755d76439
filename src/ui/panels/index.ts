import type { PanelEntry } from './shell';

/** The teaching panels, in tab order; each loads on first open. */
export const panelEntries: readonly PanelEntry[] = [
  { id: 'log', title: 'Event log', load: () => import('./log').then((m) => m.mount) },
  { id: 'trace', title: 'Trace', load: () => import('./trace').then((m) => m.mount) },
  { id: 'triggers', title: 'Triggers', load: () => import('./triggers').then((m) => m.mount) },
  { id: 'graph', title: 'Graph', load: () => import('./graph').then((m) => m.mount) },
  { id: 'flow', title: 'Flow', load: () => import('./flow').then((m) => m.mount) },
  { id: 'editor', title: 'Rules', load: () => import('./rules').then((m) => m.mount) },
  { id: 'time', title: 'Time', load: () => import('./time').then((m) => m.mount) },
  { id: 'watches', title: 'Watches', load: () => import('./watches').then((m) => m.mount) },
  { id: 'runs', title: 'Runs', load: () => import('./runs').then((m) => m.mount) },
  { id: 'lessons', title: 'Lessons', load: () => import('./lessons').then((m) => m.mount) },
];
