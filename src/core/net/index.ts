export { HttpClient, type HttpClientOptions, type HttpRequest, type HttpResponse } from './http-client.js';
export { describeProxy, matchesNoProxy, resolveProxy, type ProxyRoute, type ProxyContext } from './proxy-resolution.js';
export { loadTlsPolicy, normaliseFingerprint, type TlsPolicy, type TlsMode } from './tls-policy.js';
export { mapNetworkError, isTransientNetworkError, type NetErrorContext } from './network-errors.js';
export { certificateFacts, probeCertificate, type CertificateFacts } from './secure-connect.js';
