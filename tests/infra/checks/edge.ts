/** The public edge: the CloudFront distribution in front of the HTTP API, its caching and its WAF. */
import { describe, expect, it } from 'vitest';
import { forwardedHeaders, originVerifyHeader } from '../../../infra/constructs/edge.ts';
import { functionDefinitions } from '../../../shared/resources/functions.ts';
import { env } from '../../../shared/runtime/config.ts';
import { type Json, productionContext, resourceAt, type Synthesized, synthesize } from '../synth.ts';

export function checkEdge(synthesized: Synthesized): void {
  const { template } = synthesized;
  const [, distribution] = resourceAt(synthesized, 'Edge/Distribution');
  const config: Json = distribution.Properties.DistributionConfig;
  const [apiId] = resourceAt(synthesized, 'Api/HttpApi');
  const [secretId] = resourceAt(synthesized, 'Edge/OriginSecret');
  const policies = template.findResources('AWS::CloudFront::CachePolicy') as Record<string, Json>;
  const policyOf = (behavior: Json) => policies[behavior.CachePolicyId.Ref]?.Properties.CachePolicyConfig;
  const behaviorFor = (pattern: string) =>
    config.CacheBehaviors.find((behavior: Json) => behavior.PathPattern === pattern);
  const secretReference = JSON.stringify({ Ref: secretId });

  describe('the edge', () => {
    it('serves the desk’s own domain with its us-east-1 certificate, TLS 1.2 and the stage’s web ACL', () => {
      expect(config).toMatchObject({
        Enabled: true,
        Aliases: [productionContext.edgeDomain],
        ViewerCertificate: {
          AcmCertificateArn: productionContext.edgeCertificateArn,
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
        WebACLId: productionContext.webAclArn,
        HttpVersion: 'http2and3',
      });
    });

    it('forwards to the HTTP API over HTTPS with the origin secret, never putting the secret in the template', () => {
      const [origin] = config.Origins;
      expect(JSON.stringify(origin.DomainName)).toContain(apiId);
      expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
      const [header] = origin.OriginCustomHeaders;
      expect(header.HeaderName).toBe(originVerifyHeader);
      // A CloudFormation dynamic reference to the generated secret.
      expect(JSON.stringify(header.HeaderValue)).toContain('{{resolve:secretsmanager:');
      expect(JSON.stringify(header.HeaderValue)).toContain(secretReference);
      for (const definition of Object.values(functionDefinitions)) {
        const [, fn] = resourceAt(synthesized, `${definition.id}/Function`);
        expect(fn.Properties.Environment.Variables[env.originSecret]).toEqual(header.HeaderValue);
      }
    });

    it('passes the viewer’s address and what the functions read, never Host, no cookies', () => {
      const [, toOrigin] = resourceAt(synthesized, 'Edge/ToOrigin');
      const policy = toOrigin.Properties.OriginRequestPolicyConfig;
      expect(policy.HeadersConfig).toEqual({ HeaderBehavior: 'whitelist', Headers: forwardedHeaders });
      expect(forwardedHeaders).toContain('CloudFront-Viewer-Address');
      expect(forwardedHeaders.map((name) => name.toLowerCase())).not.toContain('host');
      expect(policy.CookiesConfig.CookieBehavior).toBe('none');
      expect(policy.QueryStringsConfig.QueryStringBehavior).toBe('all');
    });

    it('caches pages and feeds only as long as the origin says, by path and query string', () => {
      const pages = policyOf(config.DefaultCacheBehavior);
      expect(pages).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: 300 });
      expect(pages.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        HeadersConfig: { HeaderBehavior: 'none' },
        CookiesConfig: { CookieBehavior: 'none' },
      });
      // Forms post through the default behavior; CloudFront never caches a POST.
      expect(config.DefaultCacheBehavior.AllowedMethods).toContain('POST');
      // (CloudFormation's default when absent: GET and HEAD only.)
      expect(config.DefaultCacheBehavior.CachedMethods ?? ['GET', 'HEAD']).toEqual(['GET', 'HEAD']);
      expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    });

    it('keys the editors’ API by their token and keeps nothing longer than a second', () => {
      const editors = behaviorFor('/admin/*');
      expect(policyOf(editors)).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: 1 });
      expect(policyOf(editors).ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig).toEqual({
        HeaderBehavior: 'whitelist',
        Headers: ['authorization'],
      });
      // Both editors' functions' routes lie under /admin/*: one behavior, not one per route.
      const adminPatterns = config.CacheBehaviors.map((behavior: Json) => behavior.PathPattern).filter(
        (pattern: string) => pattern.startsWith('/admin'),
      );
      expect(adminPatterns).toEqual(['/admin/*']);
    });

    it.each(['/subscriptions/*', '/submissions/*'])(
      'never caches the token-bearing pages under %s',
      (pattern) => {
        // The managed CachingDisabled policy.
        expect(behaviorFor(pattern)?.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
      },
    );

    it('without a domain of its own, links to the distribution’s address', () => {
      const defaults = synthesize({});
      const [, bare] = resourceAt(defaults, 'Edge/Distribution');
      expect(bare.Properties.DistributionConfig.Aliases).toBeUndefined();
      expect(bare.Properties.DistributionConfig.WebACLId).toBeUndefined();
    });
  });
}
