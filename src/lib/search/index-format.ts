import inflate from 'tiny-inflate';
import { FIELDS, type FieldName } from './search-fields.ts';
import { ByteReader, ByteWriter } from './varint.ts';

// The wire format of the search index, shared by the build (writer) and the
// browser (reader). lunr's own JSON repeats every term and document reference
// as strings; here a term's postings are document-number gaps and term
// frequencies as varints, and each file is deflated.
//
//   every file: varint length of the inflated bytes, then raw deflate — the
//               length lets the browser inflate a small file in one
//               synchronous call into a buffer of the right size
//               (DecompressionStream costs about 1.4 ms of stream machinery
//               per file, against 0.1–0.4 ms here, and a query reads up to
//               15 files); large ones still go through DecompressionStream
//   term shard: varint terms, then per term: varint utf8 length, utf8 bytes,
//               byte field mask, and per field in the mask: varint count,
//               varint byte length, postings
//   postings:   per document: varint (gap × 2 + [tf > 1]) [, varint tf − 2]

/** Which shard a term's postings are in: FNV-1a over its UTF-16 code units. */
export function shardOf(term: string, shardCount: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shardCount;
}

/** Appends one posting to a field's postings; `previous` is the last document number written (0 before the first). */
export function writePosting(out: ByteWriter, previous: number, doc: number, tf: number): void {
  const gap = doc - previous;
  out.varint(gap * 2 + (tf > 1 ? 1 : 0));
  if (tf > 1) out.varint(tf - 2);
}

/** One field's postings of a term: document numbers and term frequencies. */
export interface FieldPostings {
  docs: Uint32Array;
  tfs: Uint16Array;
}

export function readPostings(bytes: Uint8Array, count: number): FieldPostings {
  const reader = new ByteReader(bytes);
  const docs = new Uint32Array(count);
  const tfs = new Uint16Array(count);
  let doc = 0;
  for (let i = 0; i < count; i++) {
    const v = reader.varint();
    doc += Math.floor(v / 2);
    docs[i] = doc;
    tfs[i] = v % 2 === 1 ? reader.varint() + 2 : 1;
  }
  return { docs, tfs };
}

/** Writes a file as served: the inflated length, then the deflated bytes (deflated by the caller, which has zlib). */
export function packFile(rawLength: number, deflated: Uint8Array): Uint8Array {
  const out = new ByteWriter();
  out.varint(rawLength);
  out.append(deflated);
  return out.result();
}

/** The bytes of a file as served, inflated in JavaScript. */
export function unpackFile(served: Uint8Array): Uint8Array {
  const reader = new ByteReader(served);
  const length = reader.varint();
  const raw = inflate(served.subarray(reader.offset), new Uint8Array(length));
  if (raw.length !== length) throw new RangeError('Search index file shorter than its header says.');
  return raw;
}

/**
 * From this many bytes as served, a file is inflated natively: the stream's
 * fixed cost (about 1.4 ms) is then less than JavaScript's inflate, which is
 * slow before it is compiled — 30 ms for the three document-table chunks of
 * a first query at 10,000 decisions, against 6 ms natively.
 */
const NATIVE_FROM = 2048;

/** The bytes of a file as served: small files inflated in JavaScript, large ones by DecompressionStream. */
export async function unpackFileAsync(served: Uint8Array): Promise<Uint8Array> {
  if (served.length < NATIVE_FROM || typeof DecompressionStream === 'undefined') return unpackFile(served);
  const reader = new ByteReader(served);
  const length = reader.varint();
  const stream = new Blob([served.subarray(reader.offset) as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const raw = new Uint8Array(await new Response(stream).arrayBuffer());
  if (raw.length !== length) throw new RangeError('Search index file shorter than its header says.');
  return raw;
}

/** A term's postings per field, as the builder holds them before writing a shard. */
export interface TermEntry {
  term: string;
  fields: Partial<Record<FieldName, { count: number; bytes: Uint8Array }>>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeShard(entries: readonly TermEntry[]): Uint8Array {
  const out = new ByteWriter();
  out.varint(entries.length);
  for (const e of entries) {
    const term = encoder.encode(e.term);
    out.varint(term.length);
    out.append(term);
    let mask = 0;
    FIELDS.forEach((f, i) => {
      if (e.fields[f]) mask |= 1 << i;
    });
    out.byte(mask);
    for (const f of FIELDS) {
      const p = e.fields[f];
      if (!p) continue;
      out.varint(p.count);
      out.varint(p.bytes.length);
      out.append(p.bytes);
    }
  }
  return out.result();
}

/** A decoded shard: term → field → postings, decoded lazily per term. */
export type ShardTerms = Map<string, Partial<Record<FieldName, { count: number; bytes: Uint8Array }>>>;

export function decodeShard(bytes: Uint8Array): ShardTerms {
  const reader = new ByteReader(bytes);
  const terms: ShardTerms = new Map();
  const n = reader.varint();
  for (let i = 0; i < n; i++) {
    const term = decoder.decode(reader.take(reader.varint()));
    const mask = reader.byte();
    const fields: Partial<Record<FieldName, { count: number; bytes: Uint8Array }>> = {};
    FIELDS.forEach((f, k) => {
      if (!(mask & (1 << k))) return;
      const count = reader.varint();
      fields[f] = { count, bytes: reader.take(reader.varint()) };
    });
    terms.set(term, fields);
  }
  return terms;
}

/** Columns of the document table, one byte per document number (NONE where it does not apply). */
export const DOC_COLUMNS = ['type', 'county', 'category', 'party', 'fine', 'year'] as const;
export type DocColumn = (typeof DOC_COLUMNS)[number];

/** One chunk of the document table: the byte columns, then the dates as zigzag varint day gaps. */
export interface DocTableChunk {
  columns: Record<DocColumn, Uint8Array>;
  /** Days since 1970-01-01, 0 when the document has no date. */
  days: Int32Array;
}

export function encodeDocChunk(chunk: DocTableChunk): Uint8Array {
  const out = new ByteWriter();
  for (const c of DOC_COLUMNS) out.append(chunk.columns[c]);
  let previous = 0;
  for (const d of chunk.days) {
    const delta = d - previous;
    out.varint(delta >= 0 ? delta * 2 : -delta * 2 - 1);
    previous = d;
  }
  return out.result();
}

export function decodeDocChunk(bytes: Uint8Array, size: number): DocTableChunk {
  const reader = new ByteReader(bytes);
  const columns = {} as Record<DocColumn, Uint8Array>;
  for (const c of DOC_COLUMNS) columns[c] = reader.take(size);
  const days = new Int32Array(size);
  let previous = 0;
  for (let i = 0; i < size; i++) {
    const z = reader.varint();
    previous += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    days[i] = previous;
  }
  return { columns, days };
}

/** Fines (元, rounded) of one chunk, for sorting by fine: fetched only when that sort is chosen. */
export function encodeFines(fines: readonly number[]): Uint8Array {
  const out = new ByteWriter();
  for (const f of fines) out.varint(Math.max(0, Math.round(f)));
  return out.result();
}

export function decodeFines(bytes: Uint8Array, size: number): Float64Array {
  const reader = new ByteReader(bytes);
  const fines = new Float64Array(size);
  for (let i = 0; i < size; i++) fines[i] = reader.varint();
  return fines;
}

/** What a result shows: fetched per result page, one small file per document. */
export interface Fragment {
  /** Title. */
  t: string;
  /** Line under the title: type, date, county, violation, fine. */
  s: string;
  /** URL of the page. */
  u: string;
  /** The text the snippet is cut from. */
  x: string;
}

export function encodeFragment(f: Fragment): Uint8Array {
  return encoder.encode(JSON.stringify(f));
}

export function decodeFragment(bytes: Uint8Array): Fragment {
  return JSON.parse(decoder.decode(bytes)) as Fragment;
}

export function daysOf(isoDate: string): number {
  return Math.round(Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000);
}
