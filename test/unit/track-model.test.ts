import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTrackModel, formatBeijingTime, readTrackedReport } from '../../src/islands/track/track-model.ts';

const tracked = {
  trackingCode: 'JB-7K4M-Q2XD',
  status: 'routed',
  statusLabel: '已分派至区县',
  office: { code: '990102', name: '示范市东湖区自然资源局' },
  category: { code: 'illegal-occupation', name: '非法占用土地' },
  receivedAt: '2026-11-26T12:00:00.000Z',
  statusExplanation: '线索已按位置分派给所在区县的自然资源部门，等待签收。',
  description: '村口的基本农田上有人打地基建房。',
  photos: [{ sha256: 'a', state: 'ready' }, { sha256: 'b', state: 'unreadable' }],
  outcome: null,
  summary: null,
  deadlines: { acknowledgeBy: '2026-11-27', concludeBy: '2026-12-17', basis: '本机关规定（地方实践）' },
  supervised: false,
  canAddInformation: true,
  additionToken: 'r1.JB-7K4M-Q2XD.abc.tok',
  timeline: [
    { type: 'received', at: '2026-11-26T12:00:00.000Z', text: '已收到举报线索', office: null },
    { type: 'routed', at: '2026-11-26T12:00:00.000Z', text: '已分派至示范市东湖区自然资源局核查', office: { code: '990102', name: '示范市东湖区自然资源局' } },
  ],
};

// A stand-in for the service over real HTTP: the right secret gets the report, anything else the one 404.
let server: Server;
let base = '';
const seenAuth: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seenAuth.push(req.headers.authorization ?? '');
    const ok = req.url === '/api/reports/JB-7K4M-Q2XD' && req.headers.authorization === 'Bearer GOOD-SECRET';
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? tracked : { errors: [{ field: 'trackingCode', code: 'not_found', message: '查询码或密钥不正确' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const model = () => createTrackModel((url, init) => fetch(base + url, init));

describe('readTrackedReport', () => {
  test('reads the service answer into what the page shows', () => {
    expect(readTrackedReport(tracked)).toEqual({
      trackingCode: 'JB-7K4M-Q2XD',
      statusLabel: '已分派至区县',
      officeName: '示范市东湖区自然资源局',
      categoryName: '非法占用土地',
      receivedAt: '2026-11-26T12:00:00.000Z',
      statusExplanation: '线索已按位置分派给所在区县的自然资源部门，等待签收。',
      description: '村口的基本农田上有人打地基建房。',
      photos: 2,
      unreadablePhotos: 1,
      outcomeLabel: null,
      summary: null,
      next: '承办单位应在 2026-11-27 前签收，在 2026-12-17 前核查并记录结果（本机关规定（地方实践））。',
      supervised: false,
      additionToken: 'r1.JB-7K4M-Q2XD.abc.tok',
      timeline: [
        { type: 'received', at: '2026-11-26T12:00:00.000Z', text: '已收到举报线索' },
        { type: 'routed', at: '2026-11-26T12:00:00.000Z', text: '已分派至示范市东湖区自然资源局核查' },
      ],
    });
  });

  test('a concluded report says so and offers no addition; an unrouted one says who assigns it', () => {
    const concluded = readTrackedReport({ ...tracked, status: 'concluded', outcome: { code: 'stopped', label: '已制止' }, summary: '已制止。', canAddInformation: false });
    expect(concluded).toMatchObject({ next: '承办单位已记录核查结果。', outcomeLabel: '已制止', summary: '已制止。', additionToken: null });
    expect(readTrackedReport({ ...tracked, status: 'unrouted', office: null, deadlines: null })?.next).toContain('市级执法监察机构');
  });

  test('refuses an answer without a tracking code', () => {
    expect(readTrackedReport({ errors: [] })).toBeUndefined();
    expect(readTrackedReport(null)).toBeUndefined();
  });
});

test('formatBeijingTime shows UTC+8 whatever the machine zone', () => {
  expect(formatBeijingTime('2026-11-26T17:30:00.000Z')).toBe('2026-11-27 01:30');
});

describe('lookUp', () => {
  test('a code in lower case with spaces is normalised and the secret goes as a Bearer token', async () => {
    const m = model();
    await m.lookUp('jb 7k4m q2xd', ' GOOD-SECRET ');
    expect(m.status.value).toBe('found');
    expect(m.report.value?.officeName).toBe('示范市东湖区自然资源局');
    expect(seenAuth.at(-1)).toBe('Bearer GOOD-SECRET');
  });

  test('a wrong secret and an unknown code end in the same state and message', async () => {
    const wrongSecret = model();
    await wrongSecret.lookUp('JB-7K4M-Q2XD', 'BAD');
    const unknownCode = model();
    await unknownCode.lookUp('JB-2222-3333', 'GOOD-SECRET');
    expect(wrongSecret.status.value).toBe('not-found');
    expect(unknownCode.status.value).toBe('not-found');
    expect(wrongSecret.message.value).toBe(unknownCode.message.value);
  });

  test('an empty or malformed code is caught before anything is sent', async () => {
    const before = seenAuth.length;
    const m = model();
    await m.lookUp('', '');
    expect(m.codeError.value).toBe('请填写查询码');
    expect(m.secretError.value).toBe('请填写查询密钥');
    await m.lookUp('JB-1234', 'x');
    expect(m.codeError.value).toBe('查询码的格式是 JB-XXXX-XXXX，请核对');
    expect(seenAuth.length).toBe(before);
  });

  test('no network gives a failure that says so', async () => {
    const m = createTrackModel(() => Promise.reject(new TypeError('fetch failed')));
    await m.lookUp('JB-7K4M-Q2XD', 'GOOD-SECRET');
    expect(m.status.value).toBe('failed');
    expect(m.message.value).toContain('网络连接中断');
  });
});
