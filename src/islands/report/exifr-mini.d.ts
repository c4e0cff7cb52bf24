// exifr ships its small browser bundle without its own declaration file.
declare module 'exifr/dist/mini.esm.mjs' {
  export function gps(input: Blob | ArrayBuffer): Promise<{ latitude: number; longitude: number } | undefined>;
}
