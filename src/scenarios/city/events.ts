import { defineEvents } from '../../engine';
import type { PayloadMap } from '../../engine';

/** The city's events: every fact its systems report and every change its behaviours make. */
export const cityEvents = defineEvents({
  damage: {
    description:
      'Someone was hit. `target` is the agent id (0 = the player); `source` is who or what hit them: "goon", "police", "player" or "car".',
    producer: 'combat',
    fields: { target: 'number', source: 'string', amount: 'number' },
    entityField: 'target',
  },
  'health.changed': {
    description: "An agent's health changed (0 = the player).",
    producer: 'behaviour changeHealth / respawnPlayer',
    fields: { entity: 'number', from: 'number', to: 'number' },
    entityField: 'entity',
  },
  'shot.fired': {
    description: 'A shot was fired by agent `shooter` (of kind `kind`); `hit` says whether it struck someone.',
    producer: 'combat',
    fields: { shooter: 'number', kind: 'string', hit: 'boolean' },
    entityField: 'shooter',
  },
  'crime.committed': {
    description:
      'The player broke the law: kind "shooting", "assault", "car-theft" or "hit-and-run", with a severity (1–3).',
    producer: 'combat / vehicles',
    fields: { kind: 'string', severity: 'number' },
  },
  'wanted.changed': {
    description: 'The wanted level changed (0–5).',
    producer: 'behaviour changeWanted / setWanted',
    fields: { from: 'number', to: 'number' },
  },
  'vehicle.entered': {
    description: '`entity` got into car `vehicle`; `stolen` when it belonged to someone else.',
    producer: 'vehicles',
    fields: { entity: 'number', vehicle: 'number', stolen: 'boolean' },
    entityField: 'entity',
  },
  'vehicle.exited': {
    description: '`entity` got out of car `vehicle`.',
    producer: 'vehicles',
    fields: { entity: 'number', vehicle: 'number' },
    entityField: 'entity',
  },
  'pursuit.spotted': {
    description:
      'Police unit `police` caught sight of the wanted player at (x, y): a pursuit starts (`resumed` false) or a search turns back into a chase (`resumed` true); the search circle re-centres.',
    producer: 'pursuit',
    fields: { police: 'number', x: 'number', y: 'number', wanted: 'number', resumed: 'boolean' },
    entityField: 'police',
  },
  'pursuit.started': {
    description: 'A pursuit began (the police saw the wanted player while none was on).',
    producer: 'pursuit',
    fields: { wanted: 'number' },
  },
  'pursuit.searching': {
    description: 'The police lost sight of the player and search the circle around (x, y).',
    producer: 'pursuit',
    fields: { x: 'number', y: 'number', radius: 'number' },
  },
  'pursuit.lost': {
    description:
      'The pursuit ended: reason "escaped" (unseen long enough, hidden or outside the circle) or "cleared" (wanted level fell to 0).',
    producer: 'pursuit',
    fields: { reason: 'string', wanted: 'number' },
  },
  'npc.despawned': {
    description: 'A non-player character left the streets.',
    producer: 'behaviour despawnCivilians',
    fields: { npc: 'number', kind: 'string' },
    entityField: 'npc',
  },
  'npc.spawned': {
    description: 'A non-player character (re)appeared in the streets.',
    producer: 'behaviour spawnCivilians',
    fields: { npc: 'number', kind: 'string' },
    entityField: 'npc',
  },
  'npc.died': {
    description: 'A non-player character died.',
    producer: 'behaviour killNpc',
    fields: { npc: 'number', kind: 'string' },
    entityField: 'npc',
  },
  'siren.changed': {
    description: 'Police sirens turned on or off.',
    producer: 'behaviour siren',
    fields: { on: 'boolean' },
  },
  'radio.said': {
    description: 'A line on the police radio (shown as a caption, spoken where possible).',
    producer: 'behaviour radio',
    fields: { line: 'string' },
  },
  'police.changed': {
    description: 'Police strength or orders changed: units on duty (from → to) and whether they may fire.',
    producer: 'behaviour callBackup / dismissBackup / policeWeapons',
    fields: { from: 'number', to: 'number', weaponsFree: 'boolean' },
  },
  'zone.entered': {
    description: 'The player entered a zone (`zone` its name, `kind` garage/alley/hospital/turf/park).',
    producer: 'zones',
    fields: { zone: 'string', kind: 'string' },
  },
  'zone.left': {
    description: 'The player left a zone.',
    producer: 'zones',
    fields: { zone: 'string', kind: 'string' },
  },
  'player.died': {
    description: 'The player died at (x, y).',
    producer: 'behaviour killPlayer',
    fields: { x: 'number', y: 'number' },
  },
  'player.respawned': {
    description: 'The player came back at (x, y) (the hospital door).',
    producer: 'behaviour respawnPlayer',
    fields: { x: 'number', y: 'number' },
  },
});

/** Payloads of the city's events. */
export type CityEvents = PayloadMap<typeof cityEvents>;
