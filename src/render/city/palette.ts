/** Colours of the city at night, as 0xRRGGBB numbers (Pixi tints and fills). */
export const palette = {
  /** Outside the map. */
  void: 0x0b0d10,
  asphalt: 0x2a2e35,
  pavement: 0x474d57,
  kerb: 0x5c636e,
  laneMark: 0xc9b458,
  crossing: 0x8a909a,
  /** Roof shades of ordinary buildings (picked per building by a hash of its position). */
  roofs: [0x5b6472, 0x66707e, 0x535b68, 0x6e6a66, 0x5f6a63, 0x6b6272] as readonly number[],
  roofEdge: 0x7f8896,
  roofDetail: 0x454c57,
  shadow: 0x000000,
  alley: 0x1b1d21,
  alleyTrash: 0x3c4a3f,
  garageFloor: 0x24211c,
  garageRoof: 0x8a7a55,
  garageDoor: 0xe0b43a,
  hospital: 0xdfe4ea,
  hospitalEdge: 0xaab4bf,
  hospitalCross: 0xe23b3b,
  park: 0x2e5a35,
  parkPath: 0x6b6450,
  tree: 0x234a2a,
  treeLight: 0x3b7a44,

  player: 0x52f2ff,
  playerRing: 0x52f2ff,
  goon: 0xff4fd1,
  police: 0x4d7dff,
  /** Civilians' clothes (picked per agent). */
  civilians: [0xd8c7a4, 0xb7c4d6, 0xc9a3a3, 0xa9c7a6, 0xd1b3d8, 0xc2c2c2] as readonly number[],
  /** Car paints by `cars.colour` index 0–7. */
  cars: [0xc0392b, 0x2e86c1, 0xd4ac0d, 0x27ae60, 0xecf0f1, 0x7d3c98, 0xe67e22, 0x5d6d7e] as readonly number[],
  lampRed: 0xff2a2a,
  lampBlue: 0x2a6bff,
  lampOff: 0x3a3f4a,

  cone: 0xbfd4ff,
  coneSeeing: 0xff3b3b,
  chase: 0xff4040,
  search: 0xffb020,
  tracerPlayer: 0xfff3a0,
  tracerPolice: 0xbfe0ff,
  tracerGoon: 0xffa060,
  hit: 0xff2020,

  minimapBack: 0x101318,
  minimapStreet: 0x3a4049,
  minimapBuilding: 0x1c2027,
  minimapFrame: 0xaab4c4,
} as const;
