// What belongs in a browser: no credentials, no REST calls (those stay on the vendor's server).
export { parseSwipe, SwipeCollector, type Swipe } from './swipe.js';
export { parseHostedPageReturn, type HostedPageReturn } from './hosted-page.js';
export { ConduitError, type ConduitErrorCode } from './errors.js';
