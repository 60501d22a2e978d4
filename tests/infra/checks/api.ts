/** The HTTP API, the editors’ sign-in and email sending. */
import { App, Stack } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { Code, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { DeskApi } from '../../../infra/constructs/desk-api.ts';
import { runtime } from '../../../infra/constructs/desk-function.ts';
import { roles } from '../../../shared/domain/roles.ts';
import {
  type FunctionDefinition,
  functionDefinitions,
  type HttpRoute,
} from '../../../shared/resources/functions.ts';
import { env } from '../../../shared/runtime/config.ts';
import {
  type Json,
  productionContext,
  refersTo,
  resourceAt,
  type Synthesized,
  synthesize,
} from '../synth.ts';

export function checkApi(synthesized: Synthesized): void {
  const { template } = synthesized;
  const [apiId] = resourceAt(synthesized, 'Api/HttpApi');
  const [, stage] = resourceAt(synthesized, 'Api/HttpApi/DefaultStage');
  const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
  const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
  const [authorizerId, authorizer] = resourceAt(synthesized, 'Api/HttpApi/EditorJwt');
  const [userPoolId, userPool] = resourceAt(synthesized, 'EditorSignIn/UserPool');
  const [clientId, client] = resourceAt(synthesized, 'EditorSignIn/UserPool/Console');

  const httpRoutes = (Object.values(functionDefinitions) as FunctionDefinition[]).flatMap((definition) =>
    definition.trigger.kind === 'http'
      ? definition.trigger.routes.map((route) => ({ ...route, functionId: definition.id }))
      : [],
  );
  const routeKey = (route: HttpRoute) => `${route.method} ${route.path}`;

  describe('routes', () => {
    it('are exactly the http triggers of the definitions', () => {
      expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual(
        httpRoutes.map(routeKey).sort(),
      );
    });

    it.each(httpRoutes)('$method $path reaches $functionId', (expected) => {
      const route = routes.find((candidate) => candidate.Properties.RouteKey === routeKey(expected));
      const integrationId = JSON.stringify(route?.Properties.Target).match(/"Ref":"(\w+)"/)?.[1] ?? '';
      const [functionId] = resourceAt(synthesized, `${expected.functionId}/Function`);
      expect(refersTo(integrations[integrationId]?.Properties.IntegrationUri, functionId)).toBe(true);
      if (expected.auth === 'jwt') {
        expect(route?.Properties).toMatchObject({
          AuthorizationType: 'JWT',
          AuthorizerId: { Ref: authorizerId },
        });
      } else {
        expect(route?.Properties.AuthorizationType).toBe('NONE');
      }
    });

    it('never include the local stack’s /dev routes', () => {
      const paths = routes.map((route) => String(route.Properties.RouteKey).split(' ')[1]);
      expect(paths.filter((path) => path?.startsWith('/dev'))).toEqual([]);
    });

    it('refuse a /dev route outright', () => {
      const stack = new Stack(new App(), 'probe');
      const api = new DeskApi(stack, 'Api', {
        stage: 'probe',
        throttle: { rateLimit: 1, burstLimit: 1 },
        logRetention: RetentionDays.ONE_DAY,
      });
      const fn = new LambdaFunction(stack, 'Fn', {
        runtime,
        handler: 'index.handler',
        code: Code.fromInline('export const handler = async () => {};'),
      });
      const jwt = new HttpJwtAuthorizer('Jwt', 'https://issuer.example.org', { jwtAudience: ['console'] });
      expect(() =>
        api.addRoutes(
          'Probe',
          fn,
          [{ method: 'POST', path: '/dev/token', auth: 'none', throttled: true }],
          jwt,
        ),
      ).toThrow(/never deployed/);
    });
  });

  describe('the editors’ JWT authorizer', () => {
    it('accepts tokens of the console client issued by the user pool', () => {
      expect(authorizer.Properties).toMatchObject({
        ApiId: { Ref: apiId },
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Audience: [{ Ref: clientId }] },
      });
      const issuer = JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer);
      expect(issuer).toContain('https://cognito-idp.');
      expect(refersTo(authorizer.Properties.JwtConfiguration.Issuer, userPoolId)).toBe(true);
    });
  });

  describe('the stage', () => {
    it('throttles the public routes only, form posts harder, and never the one-click unsubscribe', () => {
      const throttled = httpRoutes.filter((route) => route.throttled).map(routeKey);
      const { edge } = synthesized.config;
      expect(stage.Properties.RouteSettings).toEqual(
        Object.fromEntries(
          httpRoutes
            .filter((route) => route.throttled)
            .map((route) => [
              routeKey(route),
              route.form
                ? { ThrottlingRateLimit: edge.formRateLimit, ThrottlingBurstLimit: edge.formBurstLimit }
                : {
                    ThrottlingRateLimit: Number(productionContext.apiRateLimit),
                    ThrottlingBurstLimit: Number(productionContext.apiBurstLimit),
                  },
            ]),
        ),
      );
      expect(stage.Properties.RouteSettings['POST /subscriptions']).toEqual({
        ThrottlingRateLimit: 10,
        ThrottlingBurstLimit: 20,
      });
      expect(stage.Properties.RouteSettings).not.toHaveProperty(['POST /subscriptions/{id}/unsubscribe']);
      // No default route settings either: the unsubscribe meets only the account's own limit.
      expect(stage.Properties.DefaultRouteSettings?.ThrottlingRateLimit).toBeUndefined();
      // Route settings name routes that must exist first.
      const routeIds = Object.entries(template.findResources('AWS::ApiGatewayV2::Route'))
        .filter(([, route]) => throttled.includes(route.Properties.RouteKey))
        .map(([id]) => id);
      expect(stage.DependsOn).toEqual(expect.arrayContaining(routeIds));
    });

    it('writes access logs, without query strings, to a log group with retention', () => {
      const [logsId, logs] = resourceAt(synthesized, 'Api/AccessLogs');
      expect(stage.Properties.AccessLogSettings.DestinationArn).toEqual({ 'Fn::GetAtt': [logsId, 'Arn'] });
      const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
      expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
      expect(JSON.stringify(format)).not.toMatch(/querystring|requestOverride/i);
      expect(logs.Properties.RetentionInDays).toBeGreaterThan(0);
    });
  });

  describe('CORS', () => {
    it('allows the console’s origin and no other', () => {
      const [, api] = resourceAt(synthesized, 'Api/HttpApi');
      expect(api.Properties.CorsConfiguration).toMatchObject({
        AllowOrigins: [productionContext.consoleOrigin],
        AllowHeaders: expect.arrayContaining(['authorization', 'if-match']),
        ExposeHeaders: expect.arrayContaining(['etag']),
      });
      expect(api.Properties.CorsConfiguration.AllowCredentials).toBeFalsy();
    });

    it('is not configured at all when the console is served from the API’s own origin', () => {
      const defaults = synthesize({});
      const [, api] = resourceAt(defaults, 'Api/HttpApi');
      expect(api.Properties.CorsConfiguration).toBeUndefined();
      // …and every link, the console's sign-in callback included, goes through the edge.
      const [distributionId] = resourceAt(defaults, 'Edge/Distribution');
      const [, defaultClient] = resourceAt(defaults, 'EditorSignIn/UserPool/Console');
      const edgeDomain = { 'Fn::GetAtt': [distributionId, 'DomainName'] };
      for (const id of ['PublicRead', 'PublicWrite']) {
        const [, fn] = resourceAt(defaults, `${id}/Function`);
        expect(fn.Properties.Environment.Variables[env.publicBaseUrl]).toEqual({
          'Fn::Join': ['', ['https://', edgeDomain]],
        });
      }
      expect(defaultClient.Properties.CallbackURLs).toEqual([
        { 'Fn::Join': ['', ['https://', edgeDomain, '/console']] },
      ]);
    });
  });

  describe('the editors’ user pool', () => {
    it('lets only administrators add people', () => {
      expect(userPool.Properties.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    });

    it('requires strong passwords and an authenticator app for everyone', () => {
      expect(userPool.Properties.Policies.PasswordPolicy).toMatchObject({
        MinimumLength: 14,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      });
      expect(userPool.Properties.MfaConfiguration).toBe('ON');
      expect(userPool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    });

    it('blocks risky sign-ins, and survives a mistaken delete', () => {
      expect(userPool.Properties).toMatchObject({
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        DeletionProtection: 'ACTIVE',
      });
      expect(userPool.DeletionPolicy).toBe('Retain');
    });

    it('has the groups the functions check', () => {
      const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((group) => {
        expect(group.Properties.UserPoolId).toEqual({ Ref: userPoolId });
        return group.Properties.GroupName;
      });
      expect(groups.sort()).toEqual([...roles].sort());
    });

    it('signs the console in with the authorization code flow, back to <publicBaseUrl>/console', () => {
      const consoleUrl = `${productionContext.publicBaseUrl.replace(/\/$/, '')}/console`;
      expect(client.Properties).toMatchObject({
        UserPoolId: { Ref: userPoolId },
        GenerateSecret: false,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: expect.arrayContaining(['openid']),
        CallbackURLs: [consoleUrl],
        PreventUserExistenceErrors: 'ENABLED',
      });
      template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    });
  });

  describe('email sending', () => {
    it('sends through a configuration set with reputation metrics and the suppression list', () => {
      const [, configurationSet] = resourceAt(synthesized, 'Email/ConfigurationSet');
      expect(configurationSet.Properties).toMatchObject({
        Name: 'corrections-desk-prod',
        ReputationOptions: { ReputationMetricsEnabled: true },
        SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
      });
    });

    it('creates the identity named in context, tied to that configuration set', () => {
      const [configurationSetId] = resourceAt(synthesized, 'Email/ConfigurationSet');
      const [, identity] = resourceAt(synthesized, 'Email/Identity');
      expect(identity.Properties).toMatchObject({
        EmailIdentity: productionContext.sesIdentity,
        ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
      });
    });

    it('keeps the identity (and its DKIM keys) when the stack is deleted or the identity replaced', () => {
      const [, identity] = resourceAt(synthesized, 'Email/Identity');
      expect(identity.DeletionPolicy).toBe('Retain');
      expect(identity.UpdateReplacePolicy).toBe('Retain');
    });

    it('without an identity in context, may send only as the from address or its domain', () => {
      const defaults = synthesize({});
      defaults.template.resourceCountIs('AWS::SES::EmailIdentity', 0);
      const [, policy] = resourceAt(defaults, 'EmailSender/Role/DefaultPolicy');
      const send = policy.Properties.PolicyDocument.Statement.find(
        (statement: Json) => statement.Action === 'ses:SendEmail',
      );
      const resources = JSON.stringify(send.Resource);
      expect(resources).toContain(':identity/example.org"');
      expect(resources).toContain(':identity/corrections@example.org"');
      expect(resources).not.toContain('*');
    });
  });
}
