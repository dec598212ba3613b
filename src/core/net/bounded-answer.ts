// Reads one HTTP answer body within a byte cap, decompressing (gzip, deflate, br) as it arrives and counting the
// bytes that come out, so neither an endless body nor a gzip bomb can grow memory past the cap. The caller owns
// the timers and calls touch() hooks; this file only reads and reports once.
import type { IncomingMessage } from 'node:http';
import * as zlib from 'node:zlib';
import type { Transform } from 'node:stream';

export class ResponseTooLargeError extends Error {
  readonly code = 'ERESPONSETOOLARGE';
  constructor(
    /** Bytes known when the cap was hit (the declared Content-Length, or what had arrived so far). */
    readonly size: number,
    readonly limit: number,
    /** True when size is the server's declared length; false when the body ran past the cap while being read. */
    readonly declared: boolean,
  ) {
    super(declared ? `Content-Length=${size} limit=${limit}` : `read>${limit} limit=${limit}`);
  }
}

export class IdleTimeoutError extends Error {
  readonly code = 'EIDLETIMEOUT';
}

export class UndecodableAnswerError extends Error {
  readonly code = 'EUNDECODABLE';
  constructor(
    readonly encoding: string,
    reason: string,
  ) {
    super(`Content-Encoding=${encoding}: ${reason}`);
  }
}

/** Where an answer was cut: the evidence of net.reset, whose texts say the rest. */
export type CutAt = 'body-incomplete' | 'aborted' | 'closed' | 'before-response';

/** The connection ended before the answer was complete (a cut connection): retried like a reset. `at` is where,
 * or the socket's own error message; the message stays a compact fact (cut=…) because it reaches the evidence. */
export function answerCut(at: CutAt | { error: string }): NodeJS.ErrnoException {
  return Object.assign(new Error(typeof at === 'string' ? `cut=${at}` : `cut: ${at.error}`), { code: 'ECONNRESET' });
}

function decoderFor(encoding: string): Transform | undefined {
  // Sync flush: a body that ends without the compressor's final block is still read as far as it goes, and a
  // truncated stream is reported by the 'aborted'/'close' handling instead of a zlib error.
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip(flush);
  if (encoding === 'deflate') return zlib.createInflate(flush);
  if (encoding === 'br') return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  return undefined;
}

export interface AnswerReading {
  /** Stops reading (the caller failed the request for another reason): no callback after this. */
  abort(): void;
}

/**
 * Reads res to the end. done() is called exactly once: with the decoded body, or with the first error
 * (ResponseTooLargeError, UndecodableAnswerError, a cut connection). onBytes() is called for every chunk that
 * arrives from the network (the idle timer's heartbeat).
 */
export function readBoundedAnswer(
  res: IncomingMessage,
  maxBytes: number,
  onBytes: () => void,
  done: (err: Error | undefined, body?: Buffer) => void,
): AnswerReading {
  let finished = false;
  const chunks: Buffer[] = [];
  let kept = 0;
  let received = 0;
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder = encoding && encoding !== 'identity' ? decoderFor(encoding) : undefined;

  const finish = (err?: Error) => {
    if (finished) return;
    finished = true;
    decoder?.destroy();
    if (err) {
      chunks.length = 0;
      res.destroy();
      done(err);
    } else done(undefined, Buffer.concat(chunks, kept));
  };
  const keep = (c: Buffer) => {
    if (finished) return;
    kept += c.length;
    if (kept > maxBytes) return finish(new ResponseTooLargeError(kept, maxBytes, false));
    chunks.push(c);
  };

  if (encoding && encoding !== 'identity' && !decoder) {
    // An encoding we did not ask for and cannot read: refuse rather than pass bytes on as text.
    queueMicrotask(() => finish(new UndecodableAnswerError(encoding, 'unsupported')));
    return { abort: () => (finished = true) };
  }
  const declared = Number(res.headers['content-length']);
  // Compressed data never shrinks on the way out by more than the framing, so a declared length over the cap
  // is over it either way: refuse before reading a byte.
  if (Number.isFinite(declared) && declared > maxBytes) {
    queueMicrotask(() => finish(new ResponseTooLargeError(declared, maxBytes, true)));
    return { abort: () => (finished = true) };
  }

  if (decoder) {
    decoder.on('data', keep);
    decoder.on('error', (e: Error) => finish(new UndecodableAnswerError(encoding, e.message)));
    decoder.on('end', () => finish());
  }
  res.on('data', (c: Buffer) => {
    if (finished) return;
    onBytes();
    received += c.length;
    // The compressed side is capped too: a body that is all framing must not grow without bound either.
    if (received > maxBytes) return finish(new ResponseTooLargeError(received, maxBytes, false));
    if (decoder) decoder.write(c);
    else keep(c);
  });
  res.on('end', () => {
    if (finished) return;
    if (!res.complete) return finish(answerCut('body-incomplete'));
    if (decoder) decoder.end();
    else finish();
  });
  res.on('aborted', () => finish(answerCut('aborted')));
  res.on('error', (e: NodeJS.ErrnoException) => finish(e.code ? e : answerCut({ error: e.message })));
  res.on('close', () => {
    if (!res.complete) finish(answerCut('closed'));
  });
  return {
    abort() {
      if (finished) return;
      finished = true;
      decoder?.destroy();
      chunks.length = 0;
      res.destroy();
    },
  };
}
