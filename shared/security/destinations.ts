/**
 * Where the desk may send a webhook call (SSRF): https to a name or address on the public internet,
 * never loopback, private, link-local (cloud metadata lives there), shared, multicast or reserved
 * space. The local stack also lets tests receive on http(s)://127.0.0.1 and http(s)://localhost.
 * The same rules run at creation and before every call, on the addresses the name resolves to then.
 */
import { BlockList, isIP } from 'node:net';

export interface DestinationPolicy {
  /** Local stack only: allow 127.0.0.1 and localhost, over http too. */
  allowLocalReceivers: boolean;
}

/** The refused networks, made on first use: functions that never check a destination do not bundle them. */
let made: BlockList | undefined;

function refusedNetworks(): BlockList {
  if (made) return made;
  const refused = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8], // "this network"
    ['10.0.0.0', 8], // private
    ['100.64.0.0', 10], // carrier-grade NAT (some clouds' metadata too)
    ['127.0.0.0', 8], // loopback
    ['169.254.0.0', 16], // link-local: 169.254.169.254 is the instance metadata service
    ['172.16.0.0', 12], // private
    ['192.0.0.0', 24], // IETF protocol assignments
    ['192.0.2.0', 24], // documentation
    ['192.88.99.0', 24], // 6to4 relay
    ['192.168.0.0', 16], // private
    ['198.18.0.0', 15], // benchmarking
    ['198.51.100.0', 24], // documentation
    ['203.0.113.0', 24], // documentation
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, and 255.255.255.255
  ] as const) {
    refused.addSubnet(network, prefix, 'ipv4');
  }
  for (const [network, prefix] of [
    ['::', 128], // unspecified
    ['::1', 128], // loopback
    ['64:ff9b::', 96], // NAT64: reaches IPv4 space, private included
    ['64:ff9b:1::', 48],
    ['100::', 64], // discard
    ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID...)
    ['2001:db8::', 32], // documentation
    ['2002::', 16], // 6to4: embeds an IPv4 address
    ['fc00::', 7], // unique local (fd00:ec2::254 is the IPv6 metadata service)
    ['fe80::', 10], // link-local
    ['ff00::', 8], // multicast
  ] as const) {
    refused.addSubnet(network, prefix, 'ipv6');
  }
  made = refused;
  return refused;
}

const mappedIpv4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** Whether an IP address may be called (public unicast); anything that is not an IP is refused. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = mappedIpv4.exec(bare)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(bare);
  if (family === 0) return false;
  // IPv4-mapped addresses written in hex (::ffff:7f00:1) are refused outright.
  if (family === 6 && /^::ffff:/i.test(bare)) return false;
  return !refusedNetworks().check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

const localHosts = new Set(['127.0.0.1', 'localhost']);

export const isLocalReceiver = (url: URL, policy: DestinationPolicy): boolean =>
  policy.allowLocalReceivers && localHosts.has(url.hostname);

/** Why a URL may not be a webhook, or undefined if its form is acceptable (its addresses are checked apart). */
export function urlProblem(value: string, policy: DestinationPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  if (isLocalReceiver(url, policy)) {
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : 'must be an https URL';
  }
  if (url.protocol !== 'https:') return 'must be an https URL';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !isPublicAddress(host)) {
    return 'must not point to a loopback, private, link-local or reserved address';
  }
  if (isIP(host) === 0 && (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.'))) {
    return 'must name a host on the public internet';
  }
  return undefined;
}
