export * from './calendar';
export * from './totals';
