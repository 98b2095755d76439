/** The debugger: breakpoints on triggers, events and facts, over an engine that can suspend a tick at an event. */
export * from './breakpoints';
export * from './condition';
export * from './debugger';
export * from './watches';
export * from './whereFrom';
