export * from './tlv';
export * from './tags';
export * from './emv-data';
