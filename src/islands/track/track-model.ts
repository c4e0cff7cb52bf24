import { signal } from '@preact/signals';
import { normalizeTrackingCode } from '../../../api/domain/tracking-code.ts';

// The tracking island's state, apart from the DOM. The answer's shape is the
// service's TrackedReport; it is read defensively because an old page may meet
// a newer server.

export type TrackStatus = 'idle' | 'loading' | 'found' | 'not-found' | 'failed';

export interface TrackedEvent {
  type: string;
  at: string;
  text: string;
}

export interface TrackedView {
  trackingCode: string;
  statusLabel: string;
  /** What the status means, in plain words. */
  statusExplanation: string;
  officeName: string | null;
  categoryName: string;
  /** What was reported. */
  description: string;
  receivedAt: string;
  photos: number;
  unreadablePhotos: number;
  outcomeLabel: string | null;
  summary: string | null;
  /** What happens next and by when. */
  next: string;
  supervised: boolean;
  /** Present while the reporter may add information. */
  additionToken: string | null;
  timeline: TrackedEvent[];
}

export type Fetch = (url: string, init?: { method?: string; body?: FormData; headers?: Record<string, string> }) => Promise<{ status: number; json: () => Promise<unknown> }>;

export type Fetcher = (url: string, init: { headers: Record<string, string> }) => Promise<{ status: number; json: () => Promise<unknown>; headers: { get(name: string): string | null } }>;

const NOT_FOUND = '没有找到与这组查询码和查询密钥对应的举报。请核对后重试：字母不区分大小写，空格和短横线可有可无。为保护举报人，查询码不存在和密钥错误显示的是同一条提示。';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const str = (value: unknown, fallback = '') => (typeof value === 'string' ? value : fallback);

/** Reads the service's answer; undefined when it is not a tracked report. */
export function readTrackedReport(body: unknown): TrackedView | undefined {
  if (!isRecord(body) || typeof body.trackingCode !== 'string') return undefined;
  const office = isRecord(body.office) ? str(body.office.name) || null : null;
  const category = isRecord(body.category) ? str(body.category.name) : '';
  const timeline = Array.isArray(body.timeline)
    ? body.timeline.filter(isRecord).map((ev) => ({ type: str(ev.type), at: str(ev.at), text: str(ev.text, str(ev.type)) }))
    : [];
  const photos = Array.isArray(body.photos) ? body.photos.filter(isRecord) : [];
  const deadlines = isRecord(body.deadlines) ? body.deadlines : undefined;
  const concluded = body.status === 'concluded';
  const next = concluded
    ? '承办单位已记录核查结果。'
    : deadlines
      ? `承办单位应在 ${str(deadlines.acknowledgeBy, '—')} 前签收，在 ${str(deadlines.concludeBy, '—')} 前核查并记录结果（${str(deadlines.basis)}）。`
      : '市级执法监察机构将判断线索位置并分派给负责的区县，分派后开始计算办理期限。';
  return {
    trackingCode: body.trackingCode,
    statusLabel: str(body.statusLabel, str(body.status)),
    statusExplanation: str(body.statusExplanation),
    officeName: office,
    categoryName: category,
    description: str(body.description),
    receivedAt: str(body.receivedAt),
    photos: photos.length,
    unreadablePhotos: photos.filter((p) => p.state === 'unreadable').length,
    outcomeLabel: isRecord(body.outcome) ? str(body.outcome.label) || null : null,
    summary: str(body.summary) || null,
    next,
    supervised: body.supervised === true,
    additionToken: body.canAddInformation === true ? str(body.additionToken) || null : null,
    timeline,
  };
}

export type AdditionStatus = 'idle' | 'sending' | 'sent' | 'failed';

/** Sends what the reporter adds (text and photos) with the token the lookup gave. */
export async function sendAddition(fetcher: Fetch, token: string, text: string, photos: readonly File[]): Promise<{ ok: true } | { ok: false; message: string }> {
  const body = new FormData();
  body.append('token', token);
  body.append('text', text);
  for (const photo of photos) body.append('photos', photo, photo.name);
  try {
    const response = await fetcher('/api/reports/track/additions', { method: 'POST', body, headers: { Accept: 'application/json' } });
    if (response.status === 201) return { ok: true };
    const answer = await response.json().catch(() => undefined);
    const errors = isRecord(answer) && Array.isArray(answer.errors) ? answer.errors.filter(isRecord).map((e) => str(e.message)) : [];
    return { ok: false, message: errors.join('；') || '补充未能提交，请稍后再试。' };
  } catch {
    return { ok: false, message: '网络连接中断，补充未能提交。请检查网络后重试。' };
  }
}

/** A moment as people here read it: Beijing time, whatever the device's zone. */
export function formatBeijingTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const cst = new Date(time.getTime() + 8 * 3_600_000).toISOString();
  return `${cst.slice(0, 10)} ${cst.slice(11, 16)}`;
}

export function createTrackModel(fetcher: Fetcher) {
  const status = signal<TrackStatus>('idle');
  const report = signal<TrackedView | undefined>(undefined);
  const message = signal('');
  const codeError = signal<string | undefined>(undefined);
  const secretError = signal<string | undefined>(undefined);

  async function lookUp(codeInput: string, secretInput: string): Promise<void> {
    const code = normalizeTrackingCode(codeInput);
    codeError.value = codeInput.trim() === '' ? '请填写查询码' : code === undefined ? '查询码的格式是 JB-XXXX-XXXX，请核对' : undefined;
    secretError.value = secretInput.trim() === '' ? '请填写查询密钥' : undefined;
    if (codeError.value || secretError.value || code === undefined) {
      status.value = 'failed';
      message.value = '请修改标出的问题后再查询。';
      return;
    }
    status.value = 'loading';
    message.value = '正在查询…';
    try {
      const response = await fetcher(`/api/reports/${encodeURIComponent(code)}`, {
        headers: { Authorization: `Bearer ${secretInput.trim()}`, Accept: 'application/json' },
      });
      if (response.status === 200) {
        const view = readTrackedReport(await response.json());
        if (view) {
          report.value = view;
          status.value = 'found';
          message.value = `查询成功：举报 ${view.trackingCode} 当前状态为“${view.statusLabel}”。`;
          return;
        }
      }
      report.value = undefined;
      if (response.status === 404 || response.status === 401 || response.status === 403) {
        status.value = 'not-found';
        message.value = NOT_FOUND;
      } else if (response.status === 429) {
        const seconds = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
        status.value = 'failed';
        message.value = Number.isFinite(seconds) ? `查询过于频繁，请在 ${Math.ceil(seconds / 60)} 分钟后再试。` : '查询过于频繁，请稍后再试。';
      } else {
        status.value = 'failed';
        message.value = '查询服务暂时不可用，请稍后再试。';
      }
    } catch {
      report.value = undefined;
      status.value = 'failed';
      message.value = '网络连接中断，未能查询。请检查网络后重试。';
    }
  }

  return { status, report, message, codeError, secretError, lookUp };
}

export type TrackModel = ReturnType<typeof createTrackModel>;
