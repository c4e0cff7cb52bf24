import { open, rename, mkdir, stat, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Flushes a directory entry (a rename or a new file) to disk. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes bytes and fsyncs them before returning. */
export async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Moves an fsynced file to its final name and fsyncs the folder. A content-
 * addressed target that already exists holds the same bytes, so it is kept.
 */
export async function moveIntoPlace(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true, mode: 0o700 });
  const exists = await stat(to).then(
    () => true,
    () => false,
  );
  if (exists) await rm(from, { force: true });
  else await rename(from, to);
  await fsyncDir(dirname(to));
}
