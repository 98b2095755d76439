/** Reusable game systems: tiles and map generation, motion arrays, movement, streets, vehicles, sight, grid, combat, pursuit, population, zones, snapshot history, checked typed-array reads. */
export * from './tiles';
export * from './mapgen';
export * from './zones';
export * from './streets';
export * from './grid';
export * from './sight';
export * from './motion';
export * from './movement';
export * from './vehicles';
export * from './combat';
export * from './pursuit';
export * from './population';
export * from './pathfield';
export * from './math';
export * from './history';
export * from './typed';
