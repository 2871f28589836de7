export * from './errors/domain-error';
export * from './tenancy/roles';
export * from './tenancy/actor';
export * from './tenancy/identifiers';
export * from './tenancy/principal';
export * from './tenancy/merchant-risk';
export * from './net/cidr';
export * from './payments';
