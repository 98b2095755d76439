/** Rules: the file format, loader, compiler and explain. */
export * from './format';
export * from './operators';
export * from './errors';
export * from './catalogue';
export * from './facts';
export * from './parseJson';
export * from './validate';
export * from './compileCondition';
export * from './compileRules';
export * from './loadRules';
export * from './loops';
export * from './schema';
export * from './reference';
export * from './windows';
export * from './sampleEvent';
