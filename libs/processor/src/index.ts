export * from './processor';
export * from './sandbox.processor';
