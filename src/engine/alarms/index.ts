/** CloudWatch-style alarms: the pure evaluator, its reason text and the datapoint notation. */
export * from './evaluate';
export * from './reason';
export * from './notation';
export * from './spec';
export * from './compile';
export * from './aggregate';
export * from './runtime';
