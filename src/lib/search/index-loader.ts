import { decodeDocChunk, decodeFines, decodeFragment, decodeShard, readPostings, shardOf, unpackFileAsync, DOC_COLUMNS, type DocColumn, type FieldPostings, type Fragment, type ShardTerms } from './index-format.ts';
import { docTableFile, finesFile, fragmentFile, shardFile, type SearchManifest } from './search-manifest.ts';
import type { FieldName } from './search-fields.ts';

// Fetches the parts of the index a query needs, once each: the shards of its
// terms, the document table (for facets), fines (only to sort by fine) and
// the fragments of the results shown.

/** Gets a file's bytes as served (deflated): fetch() in the browser, a file read in tests and benchmarks. */
export type FetchBytes = (url: string) => Promise<Uint8Array>;

export const fetchOverHttp: FetchBytes = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`搜索索引文件加载失败（${response.status}）：${url}`);
  return new Uint8Array(await response.arrayBuffer());
};

/** A term's postings in each field it occurs in. */
export type TermPostings = Partial<Record<FieldName, FieldPostings>>;

/** The document table, all chunks joined: one byte per document number and column. */
export interface DocTable {
  columns: Record<DocColumn, Uint8Array>;
  days: Int32Array;
}

export class IndexLoader {
  private files = new Map<string, Promise<Uint8Array>>();
  private terms = new Map<string, TermPostings | null>();
  private shards = new Map<number, Promise<ShardTerms>>();
  private table: Promise<DocTable> | undefined;
  private fineTable: Promise<Float64Array> | undefined;

  readonly manifest: SearchManifest;
  private readonly fetchBytes: FetchBytes;

  constructor(manifest: SearchManifest, fetchBytes: FetchBytes) {
    this.manifest = manifest;
    this.fetchBytes = fetchBytes;
  }

  private file(url: string): Promise<Uint8Array> {
    let p = this.files.get(url);
    if (!p) {
      p = this.fetchBytes(url).then(unpackFileAsync);
      // A failed fetch may be retried by the next query.
      p.catch(() => this.files.delete(url));
      this.files.set(url, p);
    }
    return p;
  }

  /** A term shard, decoded once: a later query may want another of its terms. */
  private shard(s: number): Promise<ShardTerms> {
    let p = this.shards.get(s);
    if (!p) {
      p = this.file(shardFile(this.manifest, s)).then(decodeShard);
      p.catch(() => this.shards.delete(s));
      this.shards.set(s, p);
    }
    return p;
  }

  /** Postings of each term (null for a term the index does not have). */
  async postings(terms: readonly string[]): Promise<Map<string, TermPostings | null>> {
    const missing = [...new Set(terms.filter((t) => !this.terms.has(t)))];
    const shards = new Map<number, string[]>();
    for (const t of missing) {
      const s = shardOf(t, this.manifest.shardCount);
      shards.set(s, [...(shards.get(s) ?? []), t]);
    }
    await Promise.all(
      [...shards].map(async ([s, wanted]) => {
        const shard = await this.shard(s);
        for (const t of wanted) {
          const fields = shard.get(t);
          if (!fields) {
            this.terms.set(t, null);
            continue;
          }
          const decoded: TermPostings = {};
          for (const [f, p] of Object.entries(fields) as [FieldName, { count: number; bytes: Uint8Array }][]) decoded[f] = readPostings(p.bytes, p.count);
          this.terms.set(t, decoded);
        }
      }),
    );
    return new Map(terms.map((t) => [t, this.terms.get(t) ?? null]));
  }

  docTable(): Promise<DocTable> {
    this.table ??= (async () => {
      const m = this.manifest;
      const chunks = await Promise.all(m.docTable.map((_, c) => this.file(docTableFile(m, c)).then((b) => decodeDocChunk(b, Math.min(m.chunkSize, m.slots - c * m.chunkSize)))));
      const columns = Object.fromEntries(DOC_COLUMNS.map((c) => [c, new Uint8Array(m.slots)])) as Record<DocColumn, Uint8Array>;
      const days = new Int32Array(m.slots);
      chunks.forEach((chunk, c) => {
        for (const col of DOC_COLUMNS) columns[col].set(chunk.columns[col], c * m.chunkSize);
        days.set(chunk.days, c * m.chunkSize);
      });
      return { columns, days };
    })();
    this.table.catch(() => (this.table = undefined));
    return this.table;
  }

  fines(): Promise<Float64Array> {
    this.fineTable ??= (async () => {
      const m = this.manifest;
      const chunks = await Promise.all(m.fines.map((_, c) => this.file(finesFile(m, c)).then((b) => decodeFines(b, Math.min(m.chunkSize, m.slots - c * m.chunkSize)))));
      const fines = new Float64Array(m.slots);
      chunks.forEach((chunk, c) => fines.set(chunk, c * m.chunkSize));
      return fines;
    })();
    this.fineTable.catch(() => (this.fineTable = undefined));
    return this.fineTable;
  }

  async fragment(doc: number): Promise<Fragment> {
    return decodeFragment(await this.file(fragmentFile(this.manifest, doc)));
  }
}
