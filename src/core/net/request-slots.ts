// Requests in flight at once on one shared keep-alive agent. Node's Agent counts a socket only once it exists, so
// with an asynchronous createConnection (our verified TLS sockets: tunnel, handshake, pin check) every request that
// arrives during a handshake starts one more connection: an export at 27 mailboxes opened 123 TLS connections
// where 27 serve. Holding requests here, never more than the agent's maxSockets at once, means the agent only
// opens a connection when every open one is busy — each handshake (and its certificate checks) is paid once per
// connection that is needed.

export class RequestSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  /** Resolves when a slot is held (at once, when one is free); the caller must release() it exactly once. */
  acquire(): Promise<void> | undefined {
    if (this.free > 0) {
      this.free--;
      return undefined;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Passes the slot to the longest-waiting request, or frees it. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
