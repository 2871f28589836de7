export * from './plan-types';
export * from './schedule';
export * from './installments';
export * from './retries';
export * from './plan-status';
export * from './plan-terms';
export * from './plan-progress';
export * from './plan-clock';
