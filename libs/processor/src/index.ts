export * from './processor';
export * from './sandbox.processor';
export * from './settlement';
export * from './sandbox.settlement';
export * from './sandbox.cryptogram';
