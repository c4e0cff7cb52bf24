// Reporters copy coordinates from phone apps, photo viewers and paper maps, so
// the form accepts decimal degrees and 度分秒 in the usual ASCII and Chinese
// spellings. Pure: no DOM, unit-tested.

/** Which axis a value belongs to, when the text says so (N/S/E/W, 北纬/东经…). */
export type Axis = 'lat' | 'lng';

export interface ParsedDegree {
  /** Signed decimal degrees (south and west negative). */
  value: number;
  /** The axis named in the text, if any. */
  axis?: Axis;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

const HEMISPHERE: Record<string, { axis: Axis; sign: 1 | -1 }> = {
  N: { axis: 'lat', sign: 1 },
  S: { axis: 'lat', sign: -1 },
  E: { axis: 'lng', sign: 1 },
  W: { axis: 'lng', sign: -1 },
  北纬: { axis: 'lat', sign: 1 },
  南纬: { axis: 'lat', sign: -1 },
  东经: { axis: 'lng', sign: 1 },
  西经: { axis: 'lng', sign: -1 },
};

const HEMI_WORD = /北纬|南纬|东经|西经|[NSEW]/giu;
// Degrees, then optional minutes and seconds, each with any of the marks people type.
const DMS =
  /^([+-]?\d+(?:\.\d+)?)\s*(?:°|º|˚|度)?\s*(?:(\d+(?:\.\d+)?)\s*(?:′|'|’|‘|分)\s*(?:(\d+(?:\.\d+)?)\s*(?:″|"|”|“|''|′′|秒)?\s*)?)?$/u;

/** Parses one angle: `30.2583`, `30°15'30"N`, `30度15分30秒`, `北纬30度15分`, `-116.5`. */
export function parseDegree(text: string): ParseResult<ParsedDegree> {
  let rest = text.trim().replace(/，/g, ',');
  if (rest === '') return { ok: false, message: '请填写坐标' };
  let hemisphere: { axis: Axis; sign: 1 | -1 } | undefined;
  const words = rest.match(HEMI_WORD) ?? [];
  if (words.length > 1) return { ok: false, message: `“${text.trim()}”含有多个方位（如 N 和 E），请分开填写纬度和经度` };
  if (words.length === 1) {
    hemisphere = HEMISPHERE[words[0]!.toUpperCase()] ?? HEMISPHERE[words[0]!];
    rest = rest.replace(HEMI_WORD, '').trim();
  }
  const match = DMS.exec(rest);
  if (!match) return { ok: false, message: `无法识别“${text.trim()}”，请写成 30.2583 或 30°15′30″ 的形式` };
  const [, degText, minText, secText] = match;
  const deg = Number(degText);
  const min = minText === undefined ? 0 : Number(minText);
  const sec = secText === undefined ? 0 : Number(secText);
  if (minText !== undefined && !Number.isInteger(deg)) return { ok: false, message: '写了分或秒时，度应为整数' };
  if (min >= 60 || sec >= 60) return { ok: false, message: '分和秒应小于 60' };
  const negative = deg < 0 || Object.is(deg, -0) || degText!.startsWith('-');
  if (negative && hemisphere) return { ok: false, message: '负号和方位（南纬、西经等）不能同时使用' };
  const magnitude = Math.abs(deg) + min / 60 + sec / 3600;
  const sign = negative ? -1 : (hemisphere?.sign ?? 1);
  const value = sign * magnitude;
  if (!Number.isFinite(value)) return { ok: false, message: '坐标应为有限的数字' };
  return { ok: true, value: hemisphere ? { value, axis: hemisphere.axis } : { value } };
}

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * Parses a pair such as `30.2583, 116.35`, `30°15'30"N 116°21'E` or
 * `东经116度21分，北纬30度15分30秒`. Without hemisphere words the order is
 * latitude then longitude, as phone apps show it.
 */
export function parseCoordinatePair(text: string): ParseResult<LatLng> {
  const parts = splitPair(text);
  if (!parts) return { ok: false, message: '请同时写出纬度和经度，中间用逗号或空格隔开，例如 30.2583, 116.35' };
  const first = parseDegree(parts[0]);
  if (!first.ok) return first;
  const second = parseDegree(parts[1]);
  if (!second.ok) return second;
  let lat = first.value;
  let lng = second.value;
  if (first.value.axis === 'lng' || second.value.axis === 'lat') [lat, lng] = [second.value, first.value];
  if (lat.axis === 'lng' || lng.axis === 'lat') return { ok: false, message: '请写一个纬度和一个经度' };
  if (Math.abs(lat.value) > 90) return { ok: false, message: '纬度应在 -90 到 90 之间' };
  if (Math.abs(lng.value) > 180) return { ok: false, message: '经度应在 -180 到 180 之间' };
  return { ok: true, value: { lat: round6(lat.value), lng: round6(lng.value) } };
}

/** Six decimals are about 0.1 m: more would only pretend to precision. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function splitPair(text: string): [string, string] | undefined {
  const t = text.trim().replace(/，|；|;|、/g, ',');
  if (t.includes(',')) {
    const parts = t.split(',').map((p) => p.trim()).filter(Boolean);
    return parts.length === 2 ? [parts[0]!, parts[1]!] : undefined;
  }
  // Without a comma, split before the second hemisphere word or after the first one.
  const words = [...t.matchAll(HEMI_WORD)];
  if (words.length === 2) {
    const [a, b] = words as [RegExpMatchArray, RegExpMatchArray];
    const prefix = a.index === 0;
    const cut = prefix ? b.index! : a.index! + a[0].length;
    return [t.slice(0, cut).trim(), t.slice(cut).trim()];
  }
  const plain = t.split(/\s+/);
  return plain.length === 2 ? [plain[0]!, plain[1]!] : undefined;
}
