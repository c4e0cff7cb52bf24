import { Transform } from 'node:stream';

/**
 * Joins a stream's small chunks into writes of about `bytes` each. An upload
 * arrives in 64 KB socket reads; each write call costs the server's main
 * thread about as much as copying the chunk, so a 9 MB report written in 64 KB
 * pieces spent ~30 ms there, in 256 KB pieces a quarter of it. The memory held
 * per upload is bounded by `bytes`.
 */
export function coalesceChunks(bytes = 256 * 1024): Transform {
  let pending: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      size += chunk.length;
      if (size < bytes) return done();
      const joined = Buffer.concat(pending, size);
      pending = [];
      size = 0;
      done(null, joined);
    },
    flush(done) {
      done(null, size > 0 ? Buffer.concat(pending, size) : undefined);
    },
  });
}
