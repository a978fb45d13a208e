export { startWebHost, type WebHost, type WebHostOptions } from './startWebHost.js';
export { defaultRendererFolder } from './defaultRendererFolder.js';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './securityHeaders.js';
