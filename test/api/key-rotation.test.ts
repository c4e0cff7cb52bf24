import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openContact } from '../../api/domain/contact-seal.ts';
import { sealedKeyId } from '../../api/infra/sealed-bytes.ts';
import { verifyTimeline } from '../../api/verify-timeline.ts';
import { formOf, keyRingOf, makeJpeg, originalFiles, postForm, queryStore, repoRoot, settledCounts, startIntake, validFields, type TestServer } from './intake-helpers.ts';

describe('npm run keys:rotate', () => {
  let server: TestServer;
  let before: { trackingCode: string; secret: string };
  beforeAll(async () => {
    server = await startIntake({ WORKERS: 'off' });
    const photo = await makeJpeg({ gps: { lat: 30.3, lng: 116.5 } });
    before = (await postForm(server.url, formOf(validFields({ phone: '13900002222', contactConsent: 'yes' }), [{ name: 'a.jpg', bytes: photo }]))).json;
    await settledCounts(server.dataDir);
    await server.running.close();
  });
  afterAll(() => server.stop());

  test('retires the key, re-seals every contact, EXIF reading and original under the new one, and the record still verifies', async () => {
    const oldId = keyRingOf(server.dataDir).current.id;
    const run = spawnSync(process.execPath, ['api/rotate-keys.ts'], { cwd: repoRoot, env: { PATH: process.env.PATH ?? '', DATA_DIR: server.dataDir }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/re-sealed under the current key: 1 contacts, 1 EXIF readings, 1 original photos/);

    const keys = keyRingOf(server.dataDir);
    expect(keys.current.id).not.toBe(oldId);
    expect(existsSync(join(server.dataDir, 'secrets', 'retired', `${oldId}.key`))).toBe(true);
    const [contact] = await queryStore<{ key_id: string; iv: Buffer; tag: Buffer; ciphertext: Buffer }>(server.dataDir, 'SELECT * FROM report_contacts');
    expect(contact?.key_id).toBe(keys.current.id);
    expect(openContact({ keyId: contact?.key_id ?? '', iv: contact?.iv ?? Buffer.alloc(0), tag: contact?.tag ?? Buffer.alloc(0), ciphertext: contact?.ciphertext ?? Buffer.alloc(0) }, keys.current.key('contact'), before.trackingCode).phone).toBe('13900002222');
    for (const file of originalFiles(server.dataDir)) expect(sealedKeyId(readFileSync(file))).toBe(keys.current.id);
    const [photo] = await queryStore<{ exif_sealed: Buffer }>(server.dataDir, 'SELECT exif_sealed FROM photos');
    expect(sealedKeyId(photo?.exif_sealed ?? Buffer.alloc(0))).toBe(keys.current.id);
    expect(readdirSync(join(server.dataDir, 'originals'), { recursive: true, encoding: 'utf8' }).some((f) => f.endsWith('.resealing'))).toBe(false);

    // Events signed with the old key verify with it from the retired folder; new events use the new key.
    server = await startIntake({ WORKERS: 'off' }, server.dataDir);
    const tracked = await fetch(`${server.url}/api/reports/${before.trackingCode}`, { headers: { authorization: `Bearer ${before.secret}` } });
    expect(tracked.status).toBe(200);
    expect((await postForm(server.url, formOf(validFields()))).status).toBe(201);
    await server.running.close();
    const events = await queryStore<{ key_id: string }>(server.dataDir, 'SELECT key_id FROM timeline_events ORDER BY id');
    expect(events.map((e) => e.key_id)).toEqual([oldId, oldId, keys.current.id, keys.current.id]);
    expect((await verifyTimeline(server.dataDir, keyRingOf(server.dataDir), join(server.dataDir, 'anchor', 'timeline.log'))).problems).toEqual([]);
    server = await startIntake({ WORKERS: 'off' }, server.dataDir);
  });
});
