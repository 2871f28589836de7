export * from './passwords';
export * from './tokens';
export * from './master-keys';
export * from './envelope';
export * from './fingerprints';
export * from './chunks';
export * from './pgp-streams';
export * from './pgp-keys';
