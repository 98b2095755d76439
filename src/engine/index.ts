/** The Siren engine's public face: events, bus, log, loop, rules, triggers, behaviours, replay. */
export * from './events';
export * from './bus';
export * from './log';
export * from './hash';
export * from './rng';
export * from './loop';
export * from './engine';
export * from './scenario';
export * from './triggers';
export * from './run';
export * from './behaviours';
export * from './rules';
export { z } from './zod';
export * from './gate';
export * from './result';
export * from './time';
export * from './debug';
