// After `astro build`: writes a brotli (.br) and a gzip (.gz) copy beside every
// text file of the built site that compression shrinks, so the server sends
// the smaller one to browsers that accept it (api/http/precompressed.ts)
// without compressing on each request. Part of `npm run build`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|atom|csv|svg|txt|webmanifest|geojson)$/;

export function compressBuild(dir: string): { files: number; before: number; after: number } {
  let files = 0;
  let before = 0;
  let after = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (!COMPRESSIBLE.test(name) || !statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    const br = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    if (br.length >= bytes.length) continue;
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    files += 1;
    before += bytes.length;
    after += br.length;
  }
  return { files, before, after };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = resolve(process.argv[2] ?? join(process.env.DIST_DIR ?? 'dist', 'client'));
  const { files, before, after } = compressBuild(dir);
  console.log(`compressed ${files} files: ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB brotli`);
}
