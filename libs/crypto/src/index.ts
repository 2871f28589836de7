export * from './passwords';
export * from './tokens';
