import type { FieldName } from './search-fields.ts';

/**
 * The entry of the search index, inlined in the search page: where every
 * file is, under content-hashed names, and the labels of the facets. Its size
 * grows with the number of term shards, not with the number of documents.
 */
export interface SearchManifest {
  version: 1;
  /** URL prefix of the index files. */
  base: string;
  /** Documents in the index (lunr's documentCount, for idf). */
  documentCount: number;
  /** Document numbers in use, holes included (a decision no longer listed keeps its number). */
  slots: number;
  fields: readonly FieldName[];
  boosts: Record<FieldName, number>;
  /** Term shards: `shardHashes` holds HASH_LENGTH characters per shard. */
  shardCount: number;
  shardHashes: string;
  /** Document numbers per chunk of the document table, of the fines and per fragment group. */
  chunkSize: number;
  /** One hash per chunk of the document table. */
  docTable: string[];
  /** One hash per chunk of fines. */
  fines: string[];
  /** One hash per fragment group; a fragment is at `r<group>-<hash>/<n>.bin`. */
  fragments: string[];
  /** Year column values are offsets from this year. */
  minYear: number;
  counties: [code: string, name: string][];
  categories: [code: string, name: string][];
}

export const HASH_LENGTH = 7;

export function shardFile(m: SearchManifest, shard: number): string {
  return `${m.base}t${shard}-${m.shardHashes.slice(shard * HASH_LENGTH, (shard + 1) * HASH_LENGTH)}.bin`;
}
export function docTableFile(m: SearchManifest, chunk: number): string {
  return `${m.base}d${chunk}-${m.docTable[chunk]}.bin`;
}
export function finesFile(m: SearchManifest, chunk: number): string {
  return `${m.base}m${chunk}-${m.fines[chunk]}.bin`;
}
export function fragmentFile(m: SearchManifest, doc: number): string {
  const group = Math.floor(doc / m.chunkSize);
  return `${m.base}r${group}-${m.fragments[group]}/${doc}.bin`;
}
