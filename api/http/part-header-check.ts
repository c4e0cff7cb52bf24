import { Transform } from 'node:stream';

/** Longest header block a part may have (a browser's is under 300 bytes). */
const MAX_PART_HEADER_BYTES = 8 * 1024;

/** The multipart boundary a Content-Type names, if any. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Whether a part's header block names it as form data with a name (RFC 7578 §4.2). */
function soundDisposition(headers: string): boolean {
  const dispositions = headers
    .split('\r\n')
    .filter((line) => /^content-disposition\s*:/i.test(line))
    .map((line) => line.slice(line.indexOf(':') + 1).trim());
  if (dispositions.length !== 1) return false;
  const value = dispositions[0] ?? '';
  return /^form-data\s*;/i.test(value) && /;\s*name\*?\s*=\s*("[^"]+"|[^;\s"]+)/i.test(value);
}

/**
 * Passes a multipart body through unchanged while reading each part's header
 * block: busboy skips a part without a sound Content-Disposition in silence,
 * so a photo sent that way would vanish from the report. `onBadPart` is
 * called, once, for the first such part.
 */
export function partHeaderCheck(boundary: string, onBadPart: () => void): Transform {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The body's first delimiter has no line break before it: pretend there was one.
  let carry: Buffer = Buffer.from('\r\n');
  let header: Buffer | undefined;
  let done = false;

  function scan(data: Buffer): void {
    let buffer: Buffer = Buffer.concat([carry, data]);
    while (!done) {
      if (header !== undefined) {
        header = Buffer.concat([header, buffer]);
        const end = header.indexOf('\r\n\r\n');
        if (end < 0) {
          if (header.length > MAX_PART_HEADER_BYTES) {
            done = true;
            onBadPart();
          }
          carry = Buffer.alloc(0);
          return;
        }
        const text = header.subarray(0, end).toString('latin1');
        buffer = header.subarray(end + 4);
        header = undefined;
        if (!soundDisposition(text)) {
          done = true;
          onBadPart();
          return;
        }
        continue;
      }
      const at = buffer.indexOf(delimiter);
      if (at < 0) {
        carry = buffer.subarray(Math.max(0, buffer.length - delimiter.length + 1));
        return;
      }
      const after = buffer.subarray(at + delimiter.length);
      if (after.length < 2) {
        carry = buffer.subarray(at);
        return;
      }
      if (after[0] === 0x2d && after[1] === 0x2d) {
        done = true; // the closing delimiter
        return;
      }
      const lineEnd = after.indexOf('\r\n');
      if (lineEnd < 0) {
        carry = buffer.subarray(at);
        return;
      }
      // Header block starts after the delimiter line (transport padding allowed).
      header = Buffer.alloc(0);
      buffer = after.subarray(lineEnd + 2);
      carry = Buffer.alloc(0);
    }
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!done) scan(chunk);
      callback(null, chunk);
    },
  });
}
