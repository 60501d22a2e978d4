import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { originVerifyHeader, throughTheEdge, viewerAddress } from './edge.ts';

const event = (headers: Record<string, string>): APIGatewayProxyEventV2 =>
  ({
    headers,
    requestContext: { http: { method: 'POST', path: '/subscriptions', sourceIp: '130.176.0.7' } },
  }) as unknown as APIGatewayProxyEventV2;

describe('requests through the edge', () => {
  it('reads the viewer address without its port, for IPv4 and IPv6', () => {
    expect(viewerAddress('203.0.113.9:46532')).toBe('203.0.113.9');
    expect(viewerAddress('2001:db8:85a3::8a2e:370:7334:443')).toBe('2001:db8:85a3::8a2e:370:7334');
    expect(viewerAddress('not-an-address:80')).toBeUndefined();
    expect(viewerAddress('203.0.113.9')).toBeUndefined();
    expect(viewerAddress(undefined)).toBeUndefined();
  });

  it('locally (no origin secret) takes every request as it is', () => {
    const plain = event({ 'x-forwarded-for': '198.51.100.1' });
    expect(throughTheEdge(plain, undefined)).toBe(plain);
  });

  it('refuses a request that went around the edge, or carries the wrong secret', () => {
    expect(throughTheEdge(event({}), 'secret')).toBeUndefined();
    expect(throughTheEdge(event({ [originVerifyHeader]: 'guess' }), 'secret')).toBeUndefined();
  });

  it('counts the viewer, not the edge server, and drops the secret before anything can log it', () => {
    const through = throughTheEdge(
      event({
        [originVerifyHeader]: 'secret',
        'cloudfront-viewer-address': '203.0.113.9:46532',
        // Whatever a client puts first in X-Forwarded-For is not believed.
        'x-forwarded-for': '10.0.0.1, 203.0.113.9',
      }),
      'secret',
    );
    expect(through?.requestContext.http.sourceIp).toBe('203.0.113.9');
    expect(through?.headers).not.toHaveProperty(originVerifyHeader);
  });

  it('keeps the address API Gateway saw when the edge sent none', () => {
    const through = throughTheEdge(event({ [originVerifyHeader]: 'secret' }), 'secret');
    expect(through?.requestContext.http.sourceIp).toBe('130.176.0.7');
  });
});
