import { describe, expect, test } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { attributesOf, checkAttributes, describeAnswers } from '../../api/domain/open311-attributes.ts';
import { WITHHELD_DESCRIPTION, chinaDateTime, publicDescription, statusNotes } from '../../api/domain/open311-request.ts';
import { toXml } from '../../api/http/open311-xml.ts';

describe('toXml', () => {
  test('escapes markup and drops what XML 1.0 cannot carry, so any text parses back as written', () => {
    const text = '<b>a & b</b> "引号" \'单\'\u0001\u000b end';
    const xml = toXml('service_requests', [{ description: text, lat: 30.3, open: true, none: null }]);
    expect(xml).not.toContain('<b>');
    const doc = new XMLParser({ isArray: (n) => n === 'request' }).parse(xml) as { service_requests: { request: Record<string, unknown>[] } };
    expect(doc.service_requests.request[0]).toEqual({ description: '<b>a & b</b> "引号" \'单\' end', lat: 30.3, open: true, none: '' });
  });

  test('names array items after their list (services → service, values → value)', () => {
    const xml = toXml('services', [{ service_code: 'a' }, { service_code: 'b' }]);
    expect(xml.match(/<service>/g)).toHaveLength(2);
    expect(toXml('service_definition', { attributes: [{ values: [{ key: 'k', name: 'n' }] }] })).toContain('<attributes>\n    <attribute>\n      <values>\n        <value>');
  });
});

describe('chinaDateTime', () => {
  test('writes an instant in China time with its offset, across the date line of UTC', () => {
    expect(chinaDateTime('2026-05-12T02:30:00.000Z')).toBe('2026-05-12T10:30:00+08:00');
    expect(chinaDateTime('2026-12-31T16:00:01.000Z')).toBe('2027-01-01T00:00:01+08:00');
  });
});

describe('checkAttributes', () => {
  const land = attributesOf('土地');
  test('accepts the questions of the group, keeps started_on for the report, ignores codes it does not ask and lists every fault at once', () => {
    const ok = checkAttributes(land, { area: ['2.5'], area_unit: ['mu'], activity: ['digging', 'building', 'digging'], started_on: ['2026-05-12T08:00:00+08:00'] });
    expect(ok.errors).toEqual([]);
    expect(ok.answers).toEqual({ area: '2.5', area_unit: 'mu', activity: ['digging', 'building'] });
    expect(ok.startedOn).toBe('2026-05-12');
    const bad = checkAttributes(land, { area: ['1e3'], land_type: ['swamp'], machinery: ['yes', 'no'], mineral: ['sand'], started_on: ['last year'] });
    expect(bad.errors.map((e) => `${e.field} ${e.code}`).sort()).toEqual([
      'attribute[area] invalid_number',
      'attribute[land_type] unknown_value',
      'attribute[machinery] too_many_values',
      'attribute[started_on] invalid_date',
    ]);
    // Another client's own attributes (FixMyStreet's external_id, title) are ignored, not kept.
    expect(checkAttributes(land, { external_id: ['123'], title: ['Pothole'], land_type: ['farmland'] })).toEqual({ answers: { land_type: 'farmland' }, startedOn: undefined, errors: [] });
  });

  test('an area needs its unit; mining asks other questions than land', () => {
    expect(checkAttributes(land, { area: ['300'] }).errors.map((e) => e.field)).toEqual(['attribute[area_unit]']);
    expect(checkAttributes(attributesOf('矿产'), { mineral: ['sand'], at_night: ['yes'] }).errors).toEqual([]);
    expect(describeAnswers(attributesOf('矿产'), { mineral: 'sand', at_night: 'yes' })).toEqual([
      { label: '开采矿种', value: '河砂、砂石' },
      { label: '夜间开采', value: '是' },
    ]);
  });
});

describe('the public view of a lead', () => {
  test('a description is public only as filed through Open311, and withheld when it names a phone or a person', () => {
    expect(publicDescription({ api_key_id: null, description: '有人在耕地上取土。' })).toBeNull();
    expect(publicDescription({ api_key_id: 1, description: '有人在耕地上取土。' })).toBe('有人在耕地上取土。');
    expect(publicDescription({ api_key_id: 1, description: '请联系我 13912345678。' })).toBe(WITHHELD_DESCRIPTION);
  });

  test('status_notes: the status while open, the outcome and the office’s public summary once closed', () => {
    expect(statusNotes({ status: 'verifying', outcome: null, public_summary: '已安排现场核查。' })).toBe('核查中：已安排现场核查。');
    expect(statusNotes({ status: 'concluded', outcome: 'no-violation', public_summary: '该地块已依法批准用地。' })).toBe('核查结果：经核查不构成违法。该地块已依法批准用地。');
  });
});
