export * from './nvp';
export * from './rest-keys';
