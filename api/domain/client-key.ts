import { isIPv6 } from 'node:net';

/**
 * The key a client's requests are counted under. An IPv6 user is handed a
 * whole /64 (RFC 6177), so counting each address apart would give one person
 * 2^64 allowances: IPv6 addresses are keyed by their /64 prefix, IPv4 ones
 * (and IPv4 mapped into IPv6) by the whole address.
 */
export function clientKey(address: string): string {
  const bare = address.trim().replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(bare)) return bare || 'unknown';
  const [head = '', tail = ''] = bare.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = bare.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => (Number.parseInt(g || '0', 16) || 0).toString(16))
    .join(':')}::/64`;
}
