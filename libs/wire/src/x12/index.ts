export * from './envelope';
export * from './eligibility';
export * from './fixtures';
