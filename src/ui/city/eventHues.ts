/** Hues of the city's event families, chosen so related families read apart in the event log (damage red, health green …). */
export const cityEventHues: Readonly<Record<string, number>> = {
  damage: 0,
  health: 130,
  shot: 20,
  crime: 340,
  wanted: 45,
  pursuit: 280,
  police: 220,
  siren: 300,
  radio: 190,
  npc: 160,
  vehicle: 30,
  zone: 95,
  player: 60,
};
