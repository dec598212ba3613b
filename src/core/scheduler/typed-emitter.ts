// A minimal typed event emitter: the RPC layer subscribes once and forwards every event to its clients.
export class TypedEmitter<E> {
  private readonly listeners = new Set<(e: E) => void>();

  /** Returns the function that unsubscribes. */
  on(listener: (e: E) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: E): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {
        // A failing listener (a closed socket) must not stop the pump or the other listeners.
      }
    }
  }
}
