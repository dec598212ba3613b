// Entra ID error answers in their real shape: error, error_description "AADSTSnnnn: … Trace ID … Correlation ID
// … Timestamp", error_codes, timestamp, trace_id, correlation_id, error_uri.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { send } from '../http/respond.js';

export interface AadError {
  status: number;
  error: string;
  code: number;
  text: string;
}

export function aadErrorBody(e: AadError, baseUrl: string): string {
  const trace = randomUUID();
  const correlation = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return JSON.stringify({
    error: e.error,
    error_description: `AADSTS${e.code}: ${e.text}\r\nTrace ID: ${trace}\r\nCorrelation ID: ${correlation}\r\nTimestamp: ${timestamp}`,
    error_codes: [e.code],
    timestamp,
    trace_id: trace,
    correlation_id: correlation,
    error_uri: `${baseUrl}/error?code=${e.code}`,
  });
}

export function sendAadError(res: ServerResponse, e: AadError, baseUrl: string): void {
  send(res, e.status, aadErrorBody(e, baseUrl), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
}

export const aad = {
  tenantNotFound: (tenant: string): AadError => ({
    status: 400,
    error: 'invalid_tenant',
    code: 90002,
    text: `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  }),
  unknownApp: (clientId: string, tenantId: string): AadError => ({
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    text: `Application with identifier '${clientId}' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant '${tenantId}'.`,
  }),
  badSecret: (clientId: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000215,
    text: `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
  }),
  expiredSecret: (clientId: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000222,
    text: `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app.`,
  }),
  badAssertion: (detail: string): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 700027,
    text: `Client assertion failed signature validation. ${detail}`,
  }),
  noCredential: (): AadError => ({
    status: 401,
    error: 'invalid_client',
    code: 7000218,
    text: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  }),
  resourceNotFound: (resource: string): AadError => ({
    status: 400,
    error: 'invalid_resource',
    code: 500011,
    text: `The resource principal named ${resource} was not found in the tenant named Contoso. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  }),
  consentMissing: (clientId: string, name: string): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 65001,
    text: `The user or administrator has not consented to use the application with ID '${clientId}' named '${name}'. Send an interactive authorization request for this user and resource.`,
  }),
  notAssigned: (clientId: string, user: string): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 50105,
    text: `Your administrator has configured the application ('${clientId}') to block users unless they are specifically granted ('assigned') access to the application. The signed in user '${user}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator.`,
  }),
  badPassword: (): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 50126,
    text: 'Error validating credentials due to invalid username or password.',
  }),
  mfa: (): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 50076,
    text: "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.",
  }),
  badVerifier: (): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 501481,
    text: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
  }),
  badCode: (): AadError => ({
    status: 400,
    error: 'invalid_grant',
    code: 70008,
    text: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  }),
  redirectMismatch: (clientId: string): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 50011,
    text: `The redirect URI specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
  }),
  publicClientSecret: (): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 700025,
    text: "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
  }),
  pending: (): AadError => ({
    status: 400,
    error: 'authorization_pending',
    code: 70016,
    text: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.',
  }),
  deviceExpired: (): AadError => ({
    status: 400,
    error: 'expired_token',
    code: 70020,
    text: "The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
  }),
  deviceDeclined: (): AadError => ({
    status: 400,
    error: 'authorization_declined',
    code: 70000,
    text: 'The user declined the authorization request.',
  }),
  unsupportedGrant: (g: string): AadError => ({
    status: 400,
    error: 'unsupported_grant_type',
    code: 70003,
    text: `The app requested an unsupported grant type '${g}'.`,
  }),
  missingParam: (p: string): AadError => ({
    status: 400,
    error: 'invalid_request',
    code: 900144,
    text: `The request body must contain the following parameter: '${p}'.`,
  }),
};
