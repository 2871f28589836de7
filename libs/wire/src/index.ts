export * from './nvp';
export * from './rest-keys';
export * from './soap';
export * from './wsdl';
