/**
 * The public edge: a CloudFront distribution in front of the HTTP API, with the WAF web ACL of the
 * edge stack, the desk's own domain and certificate when configured, and caching that matches what
 * each path answers:
 * - pages and feeds (the default): cached as the origin says (`public, max-age=30`), keyed by path
 *   and query string, so a published correction shows within a minute without any purge; errors
 *   and anything `no-store` are never kept;
 * - the editors' API: the Authorization header is part of the key and nothing is kept for more than a
 *   second (CloudFront forwards that header only through a cache policy), so no editor ever sees
 *   another's answer;
 * - token-bearing pages (/subscriptions/…, /submissions/…): never cached;
 * - POSTs are never cached by CloudFront.
 * Every request carries a secret header to the origin: the functions answer only requests that came
 * through the edge (so the WAF cannot be bypassed) and only then trust CloudFront-Viewer-Address as
 * the client's address.
 */
import { Duration, Fn, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { EdgeConfig } from '../config.ts';
import { cachePathPattern, uncachedBehaviorRoutes } from '../edge/routes.ts';

/** The header CloudFront adds to every origin request; its value is the origin secret. */
export const originVerifyHeader = 'x-origin-verify';

/** What the functions need from a viewer's request (Authorization goes through the editors' cache key). */
export const forwardedHeaders = [
  'accept',
  'accept-language',
  'content-type',
  'idempotency-key',
  'if-match',
  'origin',
  'referer',
  'user-agent',
  'CloudFront-Viewer-Address',
];

export interface DeskEdgeProps {
  stage: string;
  httpApi: HttpApi;
  edge: EdgeConfig;
}

export class DeskEdge extends Construct {
  readonly distribution: Distribution;
  readonly originSecret: Secret;
  /** The edge's own URL, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: DeskEdgeProps) {
    super(scope, id);
    const { edge } = props;
    const name = `corrections-desk-${props.stage}`;

    this.originSecret = new Secret(this, 'OriginSecret', {
      description: 'The header value that proves a request to the API came through the CloudFront edge',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Shared by the distribution (an origin header) and the functions (environment), both set by ' +
        'CloudFormation from it: a rotation must redeploy the stack, so it is rotated by a deploy (docs/deploy.md).',
    });

    const origin = new HttpOrigin(Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      customHeaders: { [originVerifyHeader]: this.originSecret.secretValue.unsafeUnwrap() },
      readTimeout: Duration.seconds(30),
    });
    const toOrigin = new OriginRequestPolicy(this, 'ToOrigin', {
      originRequestPolicyName: `${name}-to-origin`,
      comment: 'What the desk’s functions read; never Host (API Gateway routes by it)',
      headerBehavior: OriginRequestHeaderBehavior.allowList(...forwardedHeaders),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });
    const publicPages = new CachePolicy(this, 'PublicPages', {
      cachePolicyName: `${name}-public-pages`,
      comment: 'Pages and feeds as long as the origin says (30 s), no longer than 5 minutes',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const editors = new CachePolicy(this, 'Editors', {
      cachePolicyName: `${name}-editors`,
      comment: 'Keyed by the editor’s token so it reaches the API; kept at most a second',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(1),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      headerBehavior: CacheHeaderBehavior.allowList('authorization'),
      cookieBehavior: CacheCookieBehavior.none(),
    });

    const behavior = (cachePolicy: BehaviorOptions['cachePolicy']): BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy,
      originRequestPolicy: toOrigin,
      compress: true,
    });
    const additionalBehaviors = Object.fromEntries(
      uncachedBehaviorRoutes.map((route) => [
        cachePathPattern(route),
        behavior(route.auth === 'jwt' ? editors : CachePolicy.CACHING_DISABLED),
      ]),
    );

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${name}: pages, feeds and API`,
      defaultBehavior: behavior(publicPages),
      additionalBehaviors,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      ...(edge.domain
        ? {
            domainNames: [edge.domain.name],
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            certificate: Certificate.fromCertificateArn(this, 'Certificate', edge.domain.certificateArn),
          }
        : {}),
      ...(edge.webAclArn ? { webAclId: edge.webAclArn } : {}),
    });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'A public body’s corrections are for anyone, anywhere: no geographic restriction. Abuse is held ' +
        'back by the web ACL’s managed rules, per-IP limits and the browser challenge on forms.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        'CloudFront’s standard logs record full query strings, which carry confirmation and unsubscribe ' +
        'tokens; the API’s access log records every request that reaches the desk without them, and ' +
        'WAF keeps metrics and samples of what it stops.',
    });
    if (!edge.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'The dev stage only: the stage guard requires webAclArn (the edge stack’s web ACL, us-east-1) ' +
          'on every other stage, so nothing public runs without it.',
      });
    }
    if (!edge.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a domain of its own the distribution uses CloudFront’s default certificate, whose ' +
          'policy AWS fixes; with edgeDomain set it requires TLS 1.2 (TLSv1.2_2021).',
      });
    }
    this.url = `https://${edge.domain?.name ?? this.distribution.distributionDomainName}`;
  }
}
