export * from './money';
export * from './card';
export * from './track';
export * from './aba';
export * from './actions';
export * from './status';
export * from './response-codes';
export * from './refunds';
