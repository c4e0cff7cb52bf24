import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { charTerms, textTerms } from './tokenize.ts';
import { FIELD_BOOST, FIELDS, NONE, DOC_TYPES, PARTY_KINDS, fineBucketOf, type FieldName } from './search-fields.ts';
import { DOC_COLUMNS, daysOf, encodeDocChunk, encodeFines, encodeFragment, encodeShard, packFile, shardOf, writePosting, type DocColumn, type TermEntry } from './index-format.ts';
import { HASH_LENGTH, type SearchManifest } from './search-manifest.ts';
import type { SearchCorpus, SearchDocument } from './search-document.ts';
import { ByteWriter } from './varint.ts';

// Builds the static search index in one pass over the documents: postings
// are written as varints while the documents are read, so memory grows with
// the size of the index, not with lunr's object-per-posting builder.

export interface BuildOptions {
  /** URL prefix the files are served under. */
  base: string;
  /** Term shards; by default the power of two that balances shard and manifest bytes. */
  shardCount?: number;
  /** Documents per chunk of the document table and per fragment group. */
  chunkSize?: number;
}

export interface BuiltIndex {
  manifest: SearchManifest;
  /** File name (under `base`) → bytes as served. */
  files: Map<string, Uint8Array>;
  stats: { terms: number; postings: number; rawBytes: number; servedBytes: number };
}

interface Growing {
  out: ByteWriter;
  previous: number;
  count: number;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function shortHash(bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest();
  let out = '';
  for (let i = 0; i < HASH_LENGTH; i++) out += BASE32[(digest[i] ?? 0) % 32];
  return out;
}

/**
 * Why these settings: the index is some 12,000 files of 1–2 KB at 10,000
 * decisions, and setting up zlib's level-9 state with a 32 KB window for each
 * cost more than compressing it (1.9 s in all). Level 6 with a window no
 * larger than the file (at least zlib's 512 bytes) makes files 0.1 % larger
 * in a third of the time; any inflater reads them.
 */
function deflate(bytes: Uint8Array): Uint8Array {
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes.length + 1))));
  return packFile(bytes.length, new Uint8Array(deflateRawSync(bytes, { level: 6, windowBits, memLevel: Math.min(8, windowBits - 6) })));
}

function frequencies(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

function fieldTerms(doc: SearchDocument): Record<FieldName, string[]> {
  return {
    title: textTerms(doc.title),
    text: textTerms(doc.text),
    key: doc.keys,
    chars: charTerms(`${doc.title}\n${doc.text}`),
  };
}

/** The line under a result's title. */
function subtitleOf(doc: SearchDocument): string {
  return doc.subtitle;
}

export function buildSearchIndex(corpus: SearchCorpus, options: BuildOptions): BuiltIndex {
  const chunkSize = options.chunkSize ?? 4096;
  const postings = new Map<string, Partial<Record<FieldName, Growing>>>();
  let documentCount = 0;
  let postingCount = 0;

  corpus.slots.forEach((doc, n) => {
    if (!doc) return;
    documentCount++;
    const terms = fieldTerms(doc);
    for (const field of FIELDS) {
      for (const [term, tf] of frequencies(terms[field])) {
        let entry = postings.get(term);
        if (!entry) postings.set(term, (entry = {}));
        let g = entry[field];
        if (!g) entry[field] = g = { out: new ByteWriter(), previous: 0, count: 0 };
        writePosting(g.out, g.previous, n, tf);
        g.previous = n;
        g.count++;
        postingCount++;
      }
    }
  });

  const files = new Map<string, Uint8Array>();
  let rawBytes = 0;
  const add = (name: string, raw: Uint8Array): string => {
    const served = deflate(raw);
    rawBytes += raw.length;
    const hash = shortHash(served);
    files.set(name.replace('#', hash), served);
    return hash;
  };

  // Term shards.
  let postingBytes = 0;
  for (const entry of postings.values()) for (const g of Object.values(entry)) postingBytes += g.out.length;
  // A query fetches one shard per term, and the manifest carries a hash per shard (about 4 bytes compressed):
  // for a query of about six terms, the bytes of both are least near √(6 × index bytes / 4) shards.
  const shardCount = options.shardCount ?? Math.min(8192, Math.max(8, 2 ** Math.round(Math.log2(Math.sqrt((6 * postingBytes) / 4)))));
  const byShard: TermEntry[][] = Array.from({ length: shardCount }, () => []);
  for (const [term, entry] of postings) {
    const fields: TermEntry['fields'] = {};
    for (const f of FIELDS) {
      const g = entry[f];
      if (g) fields[f] = { count: g.count, bytes: g.out.result() };
    }
    byShard[shardOf(term, shardCount)]?.push({ term, fields });
  }
  postings.clear();
  let shardHashes = '';
  byShard.forEach((entries, s) => {
    entries.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    shardHashes += add(`t${s}-#.bin`, encodeShard(entries));
  });

  // Document table, fines and fragments, by chunks of document numbers.
  const counties = new Map(corpus.counties.map(([code], i) => [code, i]));
  const categories = new Map(corpus.categories.map(([code], i) => [code, i]));
  const years = corpus.slots.flatMap((d) => (d?.decision && d.date ? [Number(d.date.slice(0, 4))] : []));
  const minYear = years.length ? Math.min(...years) : 2000;
  const docTable: string[] = [];
  const fines: string[] = [];
  const fragments: string[] = [];
  for (let start = 0, chunk = 0; start < corpus.slots.length; start += chunkSize, chunk++) {
    const size = Math.min(chunkSize, corpus.slots.length - start);
    const columns = Object.fromEntries(DOC_COLUMNS.map((c) => [c, new Uint8Array(size).fill(NONE)])) as Record<DocColumn, Uint8Array>;
    const days = new Int32Array(size);
    const chunkFines: number[] = [];
    const group = new ByteWriter();
    const groupFiles: [number, Uint8Array][] = [];
    for (let i = 0; i < size; i++) {
      const doc = corpus.slots[start + i];
      chunkFines.push(doc?.decision?.fine ?? 0);
      if (!doc) continue;
      columns.type[i] = DOC_TYPES.indexOf(doc.type);
      if (doc.date) days[i] = daysOf(doc.date);
      const d = doc.decision;
      if (d) {
        columns.county[i] = counties.get(d.county) ?? NONE;
        columns.category[i] = categories.get(d.category) ?? NONE;
        columns.party[i] = Math.max(0, PARTY_KINDS.indexOf(d.partyKind as (typeof PARTY_KINDS)[number]));
        columns.fine[i] = fineBucketOf(d.fine);
        if (doc.date) columns.year[i] = Number(doc.date.slice(0, 4)) - minYear;
      }
      const raw = encodeFragment({ t: doc.title, s: subtitleOf(doc), u: doc.url, x: doc.text });
      const served = deflate(raw);
      rawBytes += raw.length;
      group.append(served);
      groupFiles.push([start + i, served]);
    }
    docTable.push(add(`d${chunk}-#.bin`, encodeDocChunk({ columns, days })));
    fines.push(add(`m${chunk}-#.bin`, encodeFines(chunkFines)));
    // A fragment group is named for all its fragments: new decisions get new numbers at the end, so older groups keep their names.
    const groupHash = shortHash(group.result());
    fragments.push(groupHash);
    for (const [n, served] of groupFiles) files.set(`r${chunk}-${groupHash}/${n}.bin`, served);
  }

  const manifest: SearchManifest = {
    version: 1,
    base: options.base,
    documentCount,
    slots: corpus.slots.length,
    fields: FIELDS,
    boosts: FIELD_BOOST,
    shardCount,
    shardHashes,
    chunkSize,
    docTable,
    fines,
    fragments,
    minYear,
    counties: corpus.counties,
    categories: corpus.categories,
  };
  let servedBytes = 0;
  for (const f of files.values()) servedBytes += f.length;
  return { manifest, files, stats: { terms: byShard.reduce((s, e) => s + e.length, 0), postings: postingCount, rawBytes, servedBytes } };
}
