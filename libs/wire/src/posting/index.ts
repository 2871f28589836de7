export * from './era-835';
export * from './file-names';
export * from './posting-file';
export * from './types';
