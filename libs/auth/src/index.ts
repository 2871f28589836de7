export * from './decorators';
export * from './request';
export * from './strategies';
export * from './conduit-auth.guard';
export * from './redis-login-throttle';
export * from './auth.module';
