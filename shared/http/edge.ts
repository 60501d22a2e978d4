/**
 * Requests through the CloudFront edge. Deployed, the distribution adds a secret header to every
 * request it forwards; a request without it went around the edge (straight to the API's own URL,
 * past the WAF) and is refused. Only a request that came through the edge is trusted to say who the
 * client is: CloudFront-Viewer-Address, set by CloudFront itself, replaces the address API Gateway
 * saw (an edge server's), so the desk's own per-client limits count people, not edge servers.
 * X-Forwarded-For is never trusted: its first entries are whatever the client sent.
 */
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export const originVerifyHeader = 'x-origin-verify';
const viewerAddressHeader = 'cloudfront-viewer-address';

const same = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** `192.0.2.1:46532` or `2001:db8::1:46532` (CloudFront's format): the address without the port. */
export function viewerAddress(value: string | undefined): string | undefined {
  const separator = value?.lastIndexOf(':') ?? -1;
  if (value === undefined || separator <= 0) return undefined;
  const address = value.slice(0, separator).replace(/^\[|\]$/g, '');
  return isIP(address) ? address : undefined;
}

/**
 * With an origin secret: undefined for a request that did not come through the edge; otherwise the
 * event with the viewer's address as its source IP and the secret header removed (nothing downstream
 * can log it). Without one (the local stack), the event as it is.
 */
export function throughTheEdge(
  event: APIGatewayProxyEventV2,
  originSecret: string | undefined,
): APIGatewayProxyEventV2 | undefined {
  if (originSecret === undefined) return event;
  const headers = event.headers ?? {};
  const given = headers[originVerifyHeader];
  if (given === undefined || !same(given, originSecret)) return undefined;
  const { [originVerifyHeader]: _secret, ...rest } = headers;
  const viewer = viewerAddress(headers[viewerAddressHeader]);
  const http = event.requestContext?.http;
  return {
    ...event,
    headers: rest,
    ...(viewer && http
      ? { requestContext: { ...event.requestContext, http: { ...http, sourceIp: viewer } } }
      : {}),
  };
}
