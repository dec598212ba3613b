// Request counters so tests can assert "one request per unchanged folder" or "no FindItem after sync".
export interface SimCounters {
  /** HTTP requests received (any path). */
  total: number;
  /** EWS operation name (GetFolder, FindItem…), 'Autodiscover', or a Graph/OAuth route name. */
  byOperation: Record<string, number>;
  /** Key `${mailbox}|${folderId}`: requests that targeted the folder (resolved folder id). */
  byFolder: Record<string, number>;
  byMailbox: Record<string, number>;
  count(operation: string): void;
  /** Record that the current request targeted a mailbox folder. */
  touch(mailbox: string, folderId?: string): void;
  operation(name: string): number;
  /** Requests that targeted a folder, by id or distinguished name ('calendar'). */
  folder(mailbox: string, folder: string): number;
  reset(): void;
}

/** `resolveFolder` maps a distinguished name ('calendar') to the folder id, so tests can use either. */
export function createCounters(resolveFolder: (mailbox: string, folder: string) => string = (_m, f) => f): SimCounters {
  const c: SimCounters = {
    total: 0,
    byOperation: {},
    byFolder: {},
    byMailbox: {},
    count(operation) {
      c.byOperation[operation] = (c.byOperation[operation] ?? 0) + 1;
    },
    touch(mailbox, folderId) {
      const mb = mailbox.toLowerCase();
      c.byMailbox[mb] = (c.byMailbox[mb] ?? 0) + 1;
      if (folderId) c.byFolder[`${mb}|${folderId}`] = (c.byFolder[`${mb}|${folderId}`] ?? 0) + 1;
    },
    operation: (name) => c.byOperation[name] ?? 0,
    folder: (mailbox, folder) => c.byFolder[`${mailbox.toLowerCase()}|${resolveFolder(mailbox, folder)}`] ?? 0,
    reset() {
      c.total = 0;
      c.byOperation = {};
      c.byFolder = {};
      c.byMailbox = {};
    },
  };
  return c;
}
