import { describe, expect, test } from 'vitest';
import {
  createReportFormModel,
  toRequestFields,
  type CategoryChoice,
  type ReportRequest,
  type SendOutcome,
} from '../../src/islands/report/report-form-model.ts';

const categories: CategoryChoice[] = [
  { code: 'illegal-occupation', name: '非法占用土地', description: '占地建房', inScope: true },
  { code: 'ownership-dispute', name: '土地权属或补偿纠纷', description: '权属争议', inScope: false, redirect: '请向县级人民政府申请调处。' },
];

const receipt = { trackingCode: 'JB-7K4M-Q2XD', secret: 'ABCD-EFGH', status: 'routed', statusLabel: '已分派至区县', office: { code: '990102', name: '东湖区自然资源局' } };

/** A transport that answers from a script and records what it was asked to send. */
function scriptedTransport(outcomes: SendOutcome[]) {
  const sent: ReportRequest[] = [];
  const send = async (request: ReportRequest, onProgress: (loaded: number, total: number) => void): Promise<SendOutcome> => {
    sent.push(request);
    onProgress(50, 100);
    const next = outcomes.shift();
    if (!next) throw new Error('the test script ran out of answers');
    return next;
  };
  return { send, sent };
}

let keyCounter = 0;
function modelWith(outcomes: SendOutcome[]) {
  const transport = scriptedTransport(outcomes);
  const waits: number[] = [];
  const model = createReportFormModel({
    send: transport.send,
    categories,
    wait: async (ms) => {
      waits.push(ms);
    },
    retryDelaysMs: [10, 20],
    newKey: () => `key-${++keyCounter}`,
  });
  return { model, sent: transport.sent, waits };
}

function fillValid(model: ReturnType<typeof modelWith>['model']) {
  model.setField('category', 'illegal-occupation');
  model.setField('description', '村东头的基本农田上正在打地基建厂房，已有挖掘机作业三天。');
  model.setLocation(30.3, 116.5);
}

describe('validation through the shared schema', () => {
  test('an empty form lists category, description and location, in form order', () => {
    const { model } = modelWith([]);
    const fields = model.validate().map((e) => e.field);
    expect(fields).toEqual(['category', 'description', 'lat']);
  });

  test('a description under the minimum gets the schema message', () => {
    const { model } = modelWith([]);
    fillValid(model);
    model.setField('description', '有人占地');
    expect(model.validate()).toEqual([{ field: 'description', code: 'too_small', message: '请至少写 10 个字，说明发生了什么' }]);
  });

  test('an address alone is enough to say where', () => {
    const { model } = modelWith([]);
    fillValid(model);
    model.setField('lat', '');
    model.setField('lng', '');
    model.setField('address', '东湖区青石镇下湾村村委会东侧约 300 米');
    expect(model.validate()).toEqual([]);
  });

  test('consent to be contacted without a phone or e-mail is refused on the phone field', () => {
    const { model } = modelWith([]);
    fillValid(model);
    model.setField('contactConsent', true);
    expect(model.validate().map((e) => e.field)).toEqual(['phone']);
  });

  test('an out-of-scope category is refused with the place to go instead', () => {
    const { model } = modelWith([]);
    fillValid(model);
    model.setField('category', 'ownership-dispute');
    const [error] = model.validate();
    expect(error?.field).toBe('category');
    expect(error?.message).toContain('请向县级人民政府申请调处');
  });

  test('a seventh photo is refused', () => {
    const { model } = modelWith([]);
    fillValid(model);
    model.addPhotos(Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, name: `${i}.jpg`, blob: new Blob([new Uint8Array(10)]) })));
    expect(model.validate().map((e) => e.field)).toEqual(['photos']);
  });

  test('the request carries the API field names, yes for ticked boxes and no empty fields', () => {
    const { model } = modelWith([]);
    fillValid(model);
    model.setField('journalist', true);
    model.setField('outlet', '示范日报');
    expect(toRequestFields(model.fields.value)).toEqual({
      category: 'illegal-occupation',
      description: '村东头的基本农田上正在打地基建厂房，已有挖掘机作业三天。',
      lat: '30.3',
      lng: '116.5',
      journalist: 'yes',
      outlet: '示范日报',
    });
  });
});

describe('status transitions', () => {
  test('an invalid form goes from idle to failed without sending anything', async () => {
    const { model, sent } = modelWith([]);
    expect(model.status.value).toBe('idle');
    await model.submit();
    expect(model.status.value).toBe('failed');
    expect(model.failure.value?.kind).toBe('invalid');
    expect(sent).toHaveLength(0);
  });

  test('a 201 goes through submitting to sent and keeps the receipt', async () => {
    const { model, sent } = modelWith([{ kind: 'created', receipt }]);
    fillValid(model);
    const pending = model.submit();
    expect(model.status.value).toBe('submitting');
    await pending;
    expect(model.status.value).toBe('sent');
    expect(model.receipt.value).toEqual(receipt);
    expect(model.progress.value).toEqual({ loaded: 50, total: 100 });
    expect(sent).toHaveLength(1);
  });

  test('server field errors fail the submission, one per field in form order', async () => {
    const { model } = modelWith([
      {
        kind: 'rejected',
        httpStatus: 422,
        errors: [
          { field: 'lng', code: 'out_of_area', message: '该位置不在本市范围内，请拨打 12336。' },
          { field: 'photos.1', code: 'unsupported', message: '只接受 JPEG、PNG、WebP' },
          { field: 'lng', code: 'other', message: '第二条同字段的消息' },
        ],
      },
    ]);
    fillValid(model);
    await model.submit();
    expect(model.status.value).toBe('failed');
    expect(model.errors.value.map((e) => e.field)).toEqual(['lng', 'photos']);
    expect(model.errorFor('photos')).toBe('只接受 JPEG、PNG、WebP');
  });

  test('a 429 fails with the wait the server asked for', async () => {
    const { model } = modelWith([{ kind: 'rejected', httpStatus: 429, errors: [], retryAfterSeconds: 30 }]);
    fillValid(model);
    await model.submit();
    expect(model.failure.value).toEqual({ kind: 'rate-limited', message: '提交过于频繁，请在 30 秒后重试。' });
    expect(model.errors.value).toHaveLength(1);
  });

  test('after sent, starting anew empties the form and takes a new key', async () => {
    const { model } = modelWith([{ kind: 'created', receipt }]);
    fillValid(model);
    const key = model.idempotencyKey.value;
    await model.submit();
    model.startNew();
    expect(model.status.value).toBe('idle');
    expect(model.fields.value.description).toBe('');
    expect(model.idempotencyKey.value).not.toBe(key);
  });
});

describe('retries', () => {
  test('network failures are retried automatically with the same Idempotency-Key until a 201', async () => {
    const { model, sent, waits } = modelWith([{ kind: 'unavailable' }, { kind: 'unavailable', httpStatus: 503 }, { kind: 'created', receipt }]);
    fillValid(model);
    await model.submit();
    expect(model.status.value).toBe('sent');
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(waits).toEqual([10, 20]);
  });

  test('when the retries run out the submission fails, and a later retry still uses the same key', async () => {
    const { model, sent } = modelWith([{ kind: 'unavailable' }, { kind: 'unavailable' }, { kind: 'unavailable' }, { kind: 'created', receipt }]);
    fillValid(model);
    await model.submit();
    expect(model.status.value).toBe('failed');
    expect(model.failure.value?.kind).toBe('network');
    expect(sent).toHaveLength(3);
    await model.submit();
    expect(model.status.value).toBe('sent');
    expect(sent.map((r) => r.idempotencyKey)).toEqual(Array(4).fill(sent[0]?.idempotencyKey));
  });

  test('a restored draft sends with the key it was saved with', async () => {
    const { model, sent } = modelWith([{ kind: 'created', receipt }]);
    fillValid(model);
    const draft = model.toDraft();
    const { model: reopened, sent: sentAfter } = modelWith([{ kind: 'created', receipt }]);
    reopened.restoreDraft(draft);
    await reopened.submit();
    expect(sent).toHaveLength(0);
    expect(sentAfter[0]?.idempotencyKey).toBe(draft.idempotencyKey);
  });

  test('a refused submission gets a new key, so the corrected report is not answered with the refusal', async () => {
    const { model, sent } = modelWith([{ kind: 'rejected', httpStatus: 400, errors: [{ field: 'email', code: 'invalid_format', message: '请填写有效的电子邮箱' }] }, { kind: 'created', receipt }]);
    fillValid(model);
    await model.submit();
    await model.submit();
    expect(sent).toHaveLength(2);
    expect(sent[0]?.idempotencyKey).not.toBe(sent[1]?.idempotencyKey);
  });

  test('a second submit while one is in flight sends nothing more', async () => {
    const { model, sent } = modelWith([{ kind: 'created', receipt }]);
    fillValid(model);
    const first = model.submit();
    await model.submit();
    await first;
    expect(sent).toHaveLength(1);
  });
});

describe('photos the server found incomplete', () => {
  test('are named by their place in the form, replaced with a fresh read, and the report goes again', async () => {
    const { model, sent } = modelWith([
      { kind: 'rejected', httpStatus: 422, errors: [{ field: 'photos', code: 'photo_incomplete', message: '第 2 张照片：照片不完整（可能没有传完或已损坏），请重新选择这张照片再提交' }] },
      { kind: 'created', receipt },
    ]);
    fillValid(model);
    model.addPhotos([
      { id: 'p1', name: 'a.jpg', blob: new Blob(['a']) },
      { id: 'p2', name: 'b.jpg', blob: new Blob(['cut']) },
    ]);
    await model.submit();
    expect(model.incompletePhotoIds()).toEqual(['p2']);
    model.replacePhoto('p2', new Blob(['whole again']));
    await model.submit();
    expect(model.status.value).toBe('sent');
    expect(await sent[1]?.photos[1]?.blob.text()).toBe('whole again');
    expect(sent[1]?.photos.map((p) => p.id)).toEqual(['p1', 'p2']);
  });
});

describe('the draft on a shared device', () => {
  const withIdentity = (model: ReturnType<typeof modelWith>['model']) => {
    fillValid(model);
    model.setField('name', '王某');
    model.setField('phone', '13800000000');
    model.setField('email', 'w@example.org');
    model.setField('contactConsent', true);
  };

  test('keeps the report but not the name, phone or e-mail unless the reporter asks to remember them', () => {
    const { model } = modelWith([]);
    withIdentity(model);
    const draft = model.toDraft();
    expect(draft.rememberIdentity).toBe(false);
    expect(draft.fields).toMatchObject({ description: model.fields.value.description, lat: '30.3', name: '', phone: '', email: '', contactConsent: false });
    // The form itself still holds what was typed: only the stored copy leaves it out.
    expect(model.fields.value.phone).toBe('13800000000');
  });

  test('with "remember on this device" ticked, the identity is kept and restored with the tick', () => {
    const { model } = modelWith([]);
    withIdentity(model);
    model.rememberIdentity.value = true;
    const { model: reopened } = modelWith([]);
    reopened.restoreDraft(model.toDraft());
    expect(reopened.fields.value).toMatchObject({ name: '王某', phone: '13800000000', email: 'w@example.org' });
    expect(reopened.rememberIdentity.value).toBe(true);
  });

  test('a stored draft that does not say it may keep the identity is restored without it', () => {
    const { model } = modelWith([]);
    withIdentity(model);
    const { model: reopened } = modelWith([]);
    reopened.restoreDraft({ ...model.toDraft(), fields: model.fields.value, rememberIdentity: false });
    expect(reopened.fields.value).toMatchObject({ name: '', phone: '', description: model.fields.value.description });
  });
});
