export * from './payment-command';
export * from './field-errors';
export * from './parse-payment-command';
export * from './payment-fields';
