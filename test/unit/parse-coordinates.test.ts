import { describe, expect, test } from 'vitest';
import { parseCoordinatePair, parseDegree } from '../../src/islands/report/parse-coordinates.ts';

function degree(text: string) {
  const r = parseDegree(text);
  if (!r.ok) throw new Error(`expected "${text}" to parse: ${r.message}`);
  return r.value;
}

describe('parseDegree', () => {
  test('reads plain decimal degrees', () => {
    expect(degree('30.2583')).toEqual({ value: 30.2583 });
    expect(degree(' -116.5 ')).toEqual({ value: -116.5 });
  });

  test('reads ASCII degrees, minutes and seconds with a hemisphere letter', () => {
    const d = degree(`30°15'30"N`);
    expect(d.axis).toBe('lat');
    expect(d.value).toBeCloseTo(30.258333, 6);
  });

  test('reads typographic primes and a lower-case hemisphere', () => {
    expect(degree('116°21′36″e')).toEqual({ value: expect.closeTo(116.36, 6) as number, axis: 'lng' });
  });

  test('reads Chinese 度分秒 without a hemisphere', () => {
    const d = degree('30度15分30秒');
    expect(d.axis).toBeUndefined();
    expect(d.value).toBeCloseTo(30.258333, 6);
  });

  test('reads 北纬 and 西经 prefixes, west being negative', () => {
    expect(degree('北纬30度15分').value).toBeCloseTo(30.25, 6);
    const w = degree('西经 73度30分');
    expect(w).toEqual({ value: -73.5, axis: 'lng' });
  });

  test('reads decimal minutes', () => {
    expect(degree(`30°15.5'`).value).toBeCloseTo(30.258333, 6);
  });

  test('refuses minutes or seconds of 60 or more', () => {
    expect(parseDegree(`30°75'`)).toMatchObject({ ok: false, message: '分和秒应小于 60' });
    expect(parseDegree('30度10分60秒')).toMatchObject({ ok: false });
  });

  test('refuses a number without a minute mark after the degree sign, rather than guessing', () => {
    expect(parseDegree('30°30').ok).toBe(false);
  });

  test('refuses words, empty text and a minus sign with a hemisphere', () => {
    expect(parseDegree('东湖边').ok).toBe(false);
    expect(parseDegree('  ')).toEqual({ ok: false, message: '请填写坐标' });
    expect(parseDegree('-30°N').ok).toBe(false);
  });
});

describe('parseCoordinatePair', () => {
  test('reads "lat, lng" in decimal degrees', () => {
    expect(parseCoordinatePair('30.2583, 116.35')).toEqual({ ok: true, value: { lat: 30.2583, lng: 116.35 } });
  });

  test('reads a DMS pair separated by a space and puts each hemisphere on its axis', () => {
    const r = parseCoordinatePair(`116°21'E 30°15'30"N`);
    expect(r).toEqual({ ok: true, value: { lat: 30.258333, lng: 116.35 } });
  });

  test('reads a Chinese pair with a full-width comma, longitude first', () => {
    const r = parseCoordinatePair('东经116度21分，北纬30度15分30秒');
    expect(r).toEqual({ ok: true, value: { lat: 30.258333, lng: 116.35 } });
  });

  test('reads a Chinese pair written without any separator', () => {
    expect(parseCoordinatePair('北纬30度15分东经116度21分')).toEqual({ ok: true, value: { lat: 30.25, lng: 116.35 } });
  });

  test('refuses a single value, two latitudes and out-of-range latitudes', () => {
    expect(parseCoordinatePair('30.2583').ok).toBe(false);
    expect(parseCoordinatePair('30N, 31N').ok).toBe(false);
    expect(parseCoordinatePair('116.35, 30.25')).toEqual({ ok: false, message: '纬度应在 -90 到 90 之间' });
  });
});
