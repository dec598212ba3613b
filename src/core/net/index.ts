export { HttpClient, type HttpClientOptions, type HttpRequest, type HttpResponse } from './http-client.js';
export { describeProxy, matchesNoProxy, resolveProxy, type ProxyRoute, type ProxyContext } from './proxy-resolution.js';
export { loadTlsPolicy, normaliseFingerprint, type TlsPolicy, type TlsMode } from './tls-policy.js';
export { mapNetworkError, certificateError, isTransientNetworkError, type NetErrorContext } from './network-errors.js';
export { probeCertificate } from './secure-connect.js';
export { certificateFacts, certificateParams, type CertificateFacts } from './certificate-facts.js';
