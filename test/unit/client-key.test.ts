import { describe, expect, test } from 'vitest';
import { clientKey } from '../../api/domain/client-key.ts';

describe('clientKey', () => {
  test('keys IPv6 addresses by their /64, however written', () => {
    const key = clientKey('2001:db8:1:2::1');
    for (const same of ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0DB8:0001:0002:0:0:0:9', '[2001:db8:1:2::abcd]', 'fe80::1%eth0'.replace('fe80::1', '2001:db8:1:2::1')]) {
      expect(clientKey(same)).toBe(key);
    }
    expect(clientKey('2001:db8:1:3::1')).not.toBe(key);
  });

  test('keys IPv4 addresses, also when mapped into IPv6, by the whole address', () => {
    expect(clientKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(clientKey('203.0.113.5')).not.toBe(clientKey('203.0.113.6'));
  });
});
