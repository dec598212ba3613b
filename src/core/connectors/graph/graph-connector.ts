// createGraphConnector: Microsoft Graph behind the Connector interface. Built lazily (the net layer's HTTP
// client reads CA files asynchronously); every request goes through GraphTransport and the official client.
import type { GraphProfile } from '../../../shared/profile.js';
import type { Connector } from '../connector.js';
import { DEFAULT_FETCH_TIMEOUT_MS, type ConnectorDeps } from '../deps.js';
import { HttpClient } from '../../net/index.js';
import { createTokenProvider, type TokenProvider } from '../../auth/token-provider.js';
import { graphTokenTarget } from '../../auth/token-target.js';
import { httpSendFromClient } from '../../auth/net-http-send.js';
import type { HttpSend } from '../../auth/http-send.js';
import { normaliseHost, type ProtocolFlavour } from '../../auth/authority.js';
import { createGraphClient } from './graph-client.js';
import type { GraphContext } from './graph-context.js';
import type { GraphErrorContext } from './graph-errors.js';
import { GraphTransport } from './transport.js';
import { availability } from './operations/availability.js';
import { graphAutomaticReplies } from './operations/automatic-replies.js';
import { calendarView } from './operations/calendar-view.js';
import { connectionTest } from './operations/connection-test.js';
import { deltaRound, syncChanges, syncChangesMany } from './operations/delta.js';
import { folderTree } from './operations/folder-tree.js';
import { graphGroupMembers, graphRoomListMembers } from './operations/group-members.js';
import { itemsDeltaPath, readItems } from './operations/items.js';
import { listMailboxes } from './operations/list-mailboxes.js';

/** Test seams: a fake clock/sleep for throttling tests, or a fake HTTP layer. */
export interface GraphInternals {
  http?: HttpSend;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  protocol?: ProtocolFlavour;
  tokens?: TokenProvider;
  onTransport?: (t: GraphTransport) => void;
}

function appRoles(token: string): string[] | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { roles?: string[]; scp?: string };
    return payload.scp ? undefined : (payload.roles ?? []);
  } catch {
    return undefined;
  }
}

export function createGraphConnector(profile: GraphProfile, deps: ConnectorDeps, internals: GraphInternals = {}): Connector {
  const graphHost = normaliseHost(profile.graphHost);
  const logger = deps.logger.child({ backend: 'graph', profile: profile.name });
  let httpClient: HttpClient | undefined;
  let built: Promise<{ ctx: GraphContext; tokens: TokenProvider }> | undefined;

  const build = async () => {
    let http = internals.http;
    if (!http) {
      httpClient = await HttpClient.create({
        profileId: profile.id,
        tls: profile.tls,
        proxy: profile.proxy,
        secrets: deps.secrets,
        env: deps.env,
        timeoutMs: deps.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
        protocol: 'graph',
        limits: profile.limits,
      });
      http = httpSendFromClient(httpClient);
    }
    const tokens =
      internals.tokens ??
      createTokenProvider(graphTokenTarget(profile), { secrets: deps.secrets, logger, http, protocol: internals.protocol });
    const transport = new GraphTransport({
      http,
      graphHost,
      token: (o) => tokens.getAccessToken(o),
      logger,
      sleep: internals.sleep,
      random: internals.random,
      now: internals.now ? () => internals.now!().getTime() : undefined,
    });
    internals.onTransport?.(transport);
    const errorContext = async (facts: { mailbox?: string; folder?: string; operation: string }): Promise<GraphErrorContext> => ({
      profile: profile.name,
      clientId: profile.clientId,
      graphHost,
      authorityHost: profile.authorityHost,
      operation: facts.operation,
      mailbox: facts.mailbox,
      folder: facts.folder,
      appRoles: appRoles(await tokens.getAccessToken().catch(() => '')),
    });
    const client = createGraphClient(transport, graphHost, errorContext);
    const ctx: GraphContext = { profile, client, transport, logger, errorContext, seriesUid: new Map() };
    return { ctx, tokens };
  };
  const ready = () => (built ??= build());
  const now = () => internals.now?.() ?? new Date();

  return {
    kind: 'graph',
    async test(mailbox, opts) {
      const { ctx, tokens } = await ready();
      return connectionTest(ctx, mailbox, () => tokens.getAccessToken(), now(), opts?.onStep);
    },
    async listMailboxes(search, cursor) {
      return listMailboxes((await ready()).ctx, search, cursor);
    },
    async groupMembers(group) {
      return graphGroupMembers((await ready()).ctx, group);
    },
    async roomListMembers(roomList) {
      return graphRoomListMembers((await ready()).ctx, roomList);
    },
    async folderTree(mailbox, kinds) {
      return folderTree((await ready()).ctx, mailbox, kinds);
    },
    async *calendarView(mailbox, folderId, from, to, opts) {
      yield* calendarView((await ready()).ctx, mailbox, folderId, from, to, opts);
    },
    async *readItems(mailbox, folderId, content, opts) {
      yield* readItems((await ready()).ctx, mailbox, folderId, content, opts);
    },
    async syncChanges(mailbox, folderId, state, opts) {
      const { ctx } = await ready();
      if (!opts?.content) return syncChanges(ctx, mailbox, folderId, state, now(), opts);
      // A stored deltaLink names its list, so an unchanged folder costs this one request and no list lookup.
      const first = async () => `${await itemsDeltaPath(ctx, mailbox, folderId, opts.content!)}?$select=lastModifiedDateTime`;
      return deltaRound(ctx, mailbox, first, state, { ...opts, idsOnly: true });
    },
    async syncChangesMany(requests, opts) {
      return syncChangesMany((await ready()).ctx, requests, now(), opts);
    },
    async availability(mailboxes, from, to, opts) {
      return availability((await ready()).ctx, mailboxes, from, to, opts);
    },
    async automaticReplies(mailbox) {
      return graphAutomaticReplies((await ready()).ctx, mailbox);
    },
    async describe() {
      await ready();
      const route = httpClient ? await httpClient.describeRoute(graphHost) : 'injected';
      return {
        backend: 'Microsoft Graph',
        graphHost,
        authorityHost: normaliseHost(profile.authorityHost),
        tenantId: profile.tenantId,
        clientId: profile.clientId,
        flow: profile.flow,
        route,
      };
    },
    async close() {
      httpClient?.close();
    },
  };
}
