/**
 * The edge's AWS WAF web ACL (scope CLOUDFRONT), in rule order:
 * 1. AWS's common rule set and 2. its known-bad-inputs rule set, on every request;
 * 3. per client IP, form posts above `formRequestsPerIp` per 5 minutes are blocked;
 * 4. per client IP, requests of any kind above `requestsPerIp` per 5 minutes are blocked, except the
 *    one-click unsubscribe, which mail providers post from a few servers of their own;
 * 5. a form post must come from a browser that passed WAF's silent challenge: the public pages with
 *    forms (GET) hand out the token, and a post without one is refused. A challenge, not a CAPTCHA:
 *    invisible to people (and to screen readers), costly for scripts that pump SMS.
 * The one-click unsubscribe is in no rate rule's scope and never challenged.
 */
import { CfnRegexPatternSet, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { HttpRoute } from '../../shared/resources/functions.ts';
import { formRoutes, neverThrottledRoutes, pathRegex } from './routes.ts';

export interface WebAclLimits {
  formRequestsPerIp: number;
  requestsPerIp: number;
}

/** Pages people open before they post a form: they hand out the challenge token. */
export const formPages = formRoutes.filter(
  (route) => route.path === '/report' || route.path === '/subscribe',
);

/** Seconds a solved challenge stays valid: long enough to write a report. */
export const challengeImmunitySeconds = 4 * 60 * 60;

const metric = (name: string) => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName: name,
});

export class DeskWebAcl extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: { stage: string; limits: WebAclLimits }) {
    super(scope, id);
    const name = `corrections-desk-${props.stage}`;

    const patterns = (setId: string, routes: HttpRoute[]) =>
      new CfnRegexPatternSet(this, setId, {
        scope: 'CLOUDFRONT',
        regularExpressionList: [...new Set(routes.map(pathRegex))],
        description: `${setId} of ${name}`,
      });
    const paths = {
      forms: patterns('FormPaths', formRoutes),
      formPages: patterns('FormPagePaths', formPages),
      oneClick: patterns('OneClickPaths', neverThrottledRoutes),
    };
    const pathIn = (set: CfnRegexPatternSet): CfnWebACL.StatementProperty => ({
      regexPatternSetReferenceStatement: {
        arn: set.attrArn,
        fieldToMatch: { uriPath: {} },
        // `//subscriptions/./` reaches the same route as `/subscriptions`.
        textTransformations: [{ priority: 0, type: 'NORMALIZE_PATH' }],
      },
    });
    const method = (verb: string): CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { method: {} },
        positionalConstraint: 'EXACTLY',
        searchString: verb,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
    const all = (...statements: CfnWebACL.StatementProperty[]): CfnWebACL.StatementProperty => ({
      andStatement: { statements },
    });
    const formPost = all(method('POST'), pathIn(paths.forms));
    const notOneClick: CfnWebACL.StatementProperty = {
      notStatement: { statement: all(method('POST'), pathIn(paths.oneClick)) },
    };
    const managed = (
      priority: number,
      ruleName: string,
      overrides: string[] = [],
    ): CfnWebACL.RuleProperty => ({
      name: ruleName,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: ruleName,
          ...(overrides.length > 0
            ? { ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
            : {}),
        },
      },
      visibilityConfig: metric(ruleName),
    });
    const perIp = (
      priority: number,
      ruleName: string,
      limit: number,
      scopeDownStatement: CfnWebACL.StatementProperty,
    ): CfnWebACL.RuleProperty => ({
      name: ruleName,
      priority,
      action: { block: {} },
      statement: {
        // CloudFront is the client WAF sees: IP is the viewer's own address.
        rateBasedStatement: { aggregateKeyType: 'IP', limit, evaluationWindowSec: 300, scopeDownStatement },
      },
      visibilityConfig: metric(ruleName),
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name,
      scope: 'CLOUDFRONT',
      description: 'Corrections desk edge - managed rules, per-IP limits, a browser check on forms',
      defaultAction: { allow: {} },
      visibilityConfig: metric(name),
      challengeConfig: { immunityTimeProperty: { immunityTime: challengeImmunitySeconds } },
      rules: [
        // Bodies: reports and drafts may be longer than the rule's 8 KB; the API enforces the
        // contract's own limits and answers 413/400.
        managed(0, 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
        managed(1, 'AWSManagedRulesKnownBadInputsRuleSet'),
        perIp(2, 'FormPostsPerIp', props.limits.formRequestsPerIp, formPost),
        perIp(3, 'RequestsPerIp', props.limits.requestsPerIp, notOneClick),
        {
          name: 'FormPagesHandOutTheToken',
          priority: 4,
          action: { challenge: {} },
          statement: all(method('GET'), pathIn(paths.formPages)),
          visibilityConfig: metric('FormPagesHandOutTheToken'),
        },
        {
          name: 'FormPostsNeedABrowser',
          priority: 5,
          action: { challenge: {} },
          statement: formPost,
          visibilityConfig: metric('FormPostsNeedABrowser'),
        },
      ],
    });
  }
}
