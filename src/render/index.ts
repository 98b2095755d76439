/** Pixi drawing of each scenario's world; renderers read the engine and never change it. */
export { createCityRenderer } from './city';
