// createGraphConnector: Microsoft Graph behind the Connector interface. Built lazily (the net layer's HTTP
// client reads CA files asynchronously); every request goes through GraphTransport and the official client.
import type { GraphProfile } from '../../../shared/profile.js';
import type { Connector } from '../connector.js';
import type { ConnectorDeps } from '../deps.js';
import { normaliseHost } from '../../auth/authority.js';
import type { TokenProvider } from '../../auth/token-provider.js';
import type { HttpClient } from '../../net/index.js';
import { createGraphClient } from './graph-client.js';
import type { GraphContext } from './graph-context.js';
import type { GraphTransport } from './transport.js';
import { openGraphStack, type GraphStackInternals } from './graph-stack.js';
import { availability } from './operations/availability.js';
import { graphAutomaticReplies } from './operations/automatic-replies.js';
import { calendarView } from './operations/calendar-view.js';
import { connectionTest } from './operations/connection-test.js';
import { deltaRound, syncChanges, syncChangesMany } from './operations/delta.js';
import { folderTree } from './operations/folder-tree.js';
import { graphGroupMembers, graphRoomListMembers } from './operations/group-members.js';
import { itemsDeltaPath, readItems } from './operations/items.js';
import { listMailboxes } from './operations/list-mailboxes.js';
import { seriesRecurrence } from './operations/series-recurrence.js';
import { ServerWaits } from '../../net/server-wait.js';

/** Test seams: a fake clock/sleep for throttling tests, or a fake HTTP layer. */
export interface GraphInternals extends GraphStackInternals {
  onTransport?: (t: GraphTransport) => void;
}

export function createGraphConnector(profile: GraphProfile, deps: ConnectorDeps, internals: GraphInternals = {}): Connector {
  const graphHost = normaliseHost(profile.graphHost);
  const logger = deps.logger.child({ backend: 'graph', profile: profile.name });
  let httpClient: HttpClient | undefined;
  let built: Promise<{ ctx: GraphContext; tokens: TokenProvider }> | undefined;
  const serverWaits = new ServerWaits();

  const build = async () => {
    const stack = await openGraphStack(profile, deps, logger, { ...internals, waits: serverWaits });
    httpClient = stack.httpClient;
    const { transport, tokens, errorContext } = stack;
    internals.onTransport?.(transport);
    const client = createGraphClient(transport, graphHost, errorContext);
    const ctx: GraphContext = { profile, client, transport, logger, errorContext, seriesUid: new Map() };
    return { ctx, tokens };
  };
  const ready = () => (built ??= build());
  const now = () => internals.now?.() ?? new Date();

  return {
    kind: 'graph',
    serverWaits,
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
    async seriesRecurrence(mailbox, seriesIds) {
      return seriesRecurrence((await ready()).ctx, mailbox, seriesIds);
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
