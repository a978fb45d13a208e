export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, startWebHost, type WebHost, type WebHostOptions } from './startWebHost.js';
export { defaultRendererFolder } from './defaultRendererFolder.js';
