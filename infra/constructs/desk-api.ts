/**
 * The HTTP API in front of the public and editors' functions: routes from the definitions' http
 * triggers, access logs, throttling of the public routes, and CORS for the console's origin only.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { HttpRoute } from '../../shared/resources/functions.ts';

export interface DeskApiProps {
  stage: string;
  /** The only origin allowed cross-origin calls; absent: no CORS configuration at all. */
  corsOrigin?: string;
  /** Applies to the routes marked `throttled` (the public ones). */
  throttle: { rateLimit: number; burstLimit: number };
  /** Applies to the public form posts instead (`form`): what creates things is held back harder. */
  formThrottle?: { rateLimit: number; burstLimit: number };
  logRetention: RetentionDays;
}

/** The local stack's /dev routes (tokens, outbox) must never be reachable when deployed. */
export const isDevPath = (path: string): boolean => path === '/dev' || path.startsWith('/dev/');

export class DeskApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  private readonly throttle: DeskApiProps['throttle'];
  private readonly formThrottle: DeskApiProps['throttle'];
  /** The stage's RouteSettings, by route key: a raw JSON property in CloudFormation, hence PascalCase. */
  private readonly routeSettings: Record<
    string,
    { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
  > = {};

  constructor(scope: Construct, id: string, props: DeskApiProps) {
    super(scope, id);
    this.throttle = props.throttle;
    this.formThrottle = props.formThrottle ?? props.throttle;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `corrections-desk-${props.stage}`,
      createDefaultStage: false,
      corsPreflight: props.corsOrigin
        ? {
            allowOrigins: [props.corsOrigin],
            allowMethods: [
              CorsHttpMethod.GET,
              CorsHttpMethod.POST,
              CorsHttpMethod.PUT,
              CorsHttpMethod.PATCH,
              CorsHttpMethod.DELETE,
            ],
            allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
            exposeHeaders: ['etag', 'location', 'retry-after'],
            maxAge: Duration.hours(1),
          }
        : undefined,
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // $context.path carries no query string: the confirmation and unsubscribe tokens stay out.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
  }

  /** The API's own URL, without a trailing slash. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  /** Routes one function's http trigger; JWT routes need the authorizer. */
  addRoutes(
    functionId: string,
    fn: IFunction,
    routes: ReadonlyArray<HttpRoute>,
    authorizer: IHttpRouteAuthorizer,
  ) {
    const integration = new HttpLambdaIntegration(`${functionId}Integration`, fn);
    for (const route of routes) {
      if (isDevPath(route.path))
        throw new Error(`${functionId}: ${route.path} is local-only and never deployed`);
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: route.auth === 'jwt' ? authorizer : undefined,
      });
      if (!created) throw new Error(`${functionId}: no route created for ${route.method} ${route.path}`);

      if (route.auth === 'none') {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'A public route by design (reports, corrections, feeds, subscriptions); it is throttled ' +
            'per stage and the function rate-limits per client. Editors’ routes carry the JWT authorizer.',
        });
      }
      // A public route that is not throttled (the one-click unsubscribe) has no route settings: only
      // the account's own limit applies to it.
      if (route.throttled) {
        const throttle = route.form ? this.formThrottle : this.throttle;
        this.routeSettings[`${route.method} ${route.path}`] = {
          ThrottlingRateLimit: throttle.rateLimit,
          ThrottlingBurstLimit: throttle.burstLimit,
        };
        (this.stage.node.defaultChild as CfnStage).routeSettings = this.routeSettings;
        // Route settings name routes by key: the stage can only be updated once they exist.
        this.stage.node.addDependency(created);
      }
    }
  }
}
