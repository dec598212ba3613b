// A for-await consumer of many small items pays a promise and a resumption per item. A source that holds items
// already read (a page of an EWS answer) may offer them at once: after each `next()` the consumer takes what is
// in hand with takeBuffered() and handles it synchronously. The order is the iterator's order; nothing is skipped.

export interface BufferedItems<T> {
  /** The items already read and not yet handed out, in order (none while the next ones are being read); each
   * item is handed out once, either here or by next(). */
  takeBuffered(): T[];
}

/** takeBuffered of a source that offers it (bound), or undefined. */
export function bufferedTaker<T>(source: unknown): (() => T[]) | undefined {
  const s = source as Partial<BufferedItems<T>> | null;
  return typeof s?.takeBuffered === 'function' ? s.takeBuffered.bind(s) : undefined;
}
