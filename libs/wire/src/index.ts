export * from './nvp';
export * from './posting';
export * from './rest-keys';
export * from './soap';
export * from './wsdl';
export * from './x12';
export * from './xml-encoding';
export * from './xml-safety';
