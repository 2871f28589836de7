export * from './payload-format';
export * from './signature';
export * from './ssrf';
export * from './client-certificate';
