declare module 'tiny-inflate' {
  /** Inflates raw deflate data into `dest`, which must be at least as long as the result; returns the filled part. */
  export default function inflate(source: Uint8Array, dest: Uint8Array): Uint8Array;
}
