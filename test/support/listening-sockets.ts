import { readFile } from 'node:fs/promises';

/**
 * The local addresses that listen on `port`, read from Linux's socket tables
 * (/proc/net/tcp and tcp6), so a test can see where a server is bound
 * without sending traffic anywhere but loopback.
 */
const LISTEN_STATE = '0A';

function decodeIpv4(hex: string): string {
  const bytes = hex.match(/../g)!.map((byte) => parseInt(byte, 16)).reverse();
  return bytes.join('.');
}

function decodeIpv6(hex: string): string {
  // Four 32-bit words, each in host (little-endian) order.
  const words = hex.toLowerCase().match(/.{8}/g)!.map((word) => word.match(/../g)!.reverse().join(''));
  const groups = words.join('').match(/.{4}/g)!.map((group) => group.replace(/^0+(?=.)/, ''));
  const full = groups.join(':');
  if (full.startsWith('0:0:0:0:0:ffff:')) {
    const [high = '0', low = '0'] = groups.slice(6);
    const value = (parseInt(high, 16) << 16) | parseInt(low, 16);
    return `::ffff:${[24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.')}`;
  }
  if (full === '0:0:0:0:0:0:0:0') return '::';
  if (full === '0:0:0:0:0:0:0:1') return '::1';
  return full;
}

async function listeners(table: string, decode: (hex: string) => string, port: number): Promise<string[]> {
  const text = await readFile(table, 'utf8').catch(() => '');
  const addresses: string[] = [];
  for (const line of text.split('\n').slice(1)) {
    const [, local, , state] = line.trim().split(/\s+/);
    if (!local || state !== LISTEN_STATE) continue;
    const [addressHex = '', portHex = ''] = local.split(':');
    if (parseInt(portHex, 16) === port) addresses.push(decode(addressHex));
  }
  return addresses;
}

export async function listeningAddresses(port: number): Promise<string[]> {
  const [v4, v6] = await Promise.all([
    listeners('/proc/net/tcp', decodeIpv4, port),
    listeners('/proc/net/tcp6', decodeIpv6, port),
  ]);
  return [...v4, ...v6];
}

export const LOOPBACK_ADDRESSES = ['127.0.0.1', '::1', '::ffff:127.0.0.1'] as const;
