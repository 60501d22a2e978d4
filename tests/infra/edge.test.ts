/** The edge stack: the WAF web ACL in us-east-1, its rules, and what they leave alone. */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/config.ts';
import { formRoutes, neverThrottledRoutes, pathRegex } from '../../infra/edge/routes.ts';
import { EdgeProtectionStack } from '../../infra/edge/stack.ts';
import { challengeImmunitySeconds } from '../../infra/edge/web-acl.ts';
import { stages } from '../../infra/stages/index.ts';
import type { Json } from './synth.ts';

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));
const app = new App({ context: { ...cdkJson.context, stage: 'prod', formRequestsPerIp: 60 } });
const config = readConfig(app.node, stages, { guard: false });
const stack = new EdgeProtectionStack(app, 'corrections-desk-prod-edge', {
  stage: 'prod',
  edge: config.edge,
});
const template = Template.fromStack(stack);
const [webAcl] = Object.values(template.findResources('AWS::WAFv2::WebACL')) as Json[];
const rules: Json[] = webAcl.Properties.Rules;
const rule = (name: string) => rules.find((candidate) => candidate.Name === name);
const regexSets = template.findResources('AWS::WAFv2::RegexPatternSet') as Record<string, Json>;
/** The regular expressions of the pattern set a statement references. */
const setOf = (statement: Json): string[] => {
  const id = statement.RegexPatternSetReferenceStatement.Arn['Fn::GetAtt'][0];
  return regexSets[id].Properties.RegularExpressionList;
};
const matches = (patterns: string[], path: string) =>
  patterns.some((pattern) => new RegExp(pattern).test(path));

describe('the edge stack', () => {
  it('lives in us-east-1, where CloudFront’s web ACLs must be, and says how to use its ARN', () => {
    expect(stack.region).toBe('us-east-1');
    expect(webAcl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    expect(template.toJSON().Outputs.WebAclArn.Value).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
  });

  it('runs the managed rules first, then the per-IP limits, then the browser checks', () => {
    expect(rules.map((candidate) => [candidate.Priority, candidate.Name])).toEqual([
      [0, 'AWSManagedRulesCommonRuleSet'],
      [1, 'AWSManagedRulesKnownBadInputsRuleSet'],
      [2, 'FormPostsPerIp'],
      [3, 'RequestsPerIp'],
      [4, 'FormPagesHandOutTheToken'],
      [5, 'FormPostsNeedABrowser'],
    ]);
    for (const candidate of rules) expect(candidate.VisibilityConfig.CloudWatchMetricsEnabled).toBe(true);
  });

  it('uses AWS’s common and known-bad-inputs rule sets, letting the API judge body sizes', () => {
    expect(rule('AWSManagedRulesCommonRuleSet').Statement.ManagedRuleGroupStatement).toEqual({
      VendorName: 'AWS',
      Name: 'AWSManagedRulesCommonRuleSet',
      RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
    });
    expect(rule('AWSManagedRulesKnownBadInputsRuleSet').Statement.ManagedRuleGroupStatement).toEqual({
      VendorName: 'AWS',
      Name: 'AWSManagedRulesKnownBadInputsRuleSet',
    });
    expect(rule('AWSManagedRulesCommonRuleSet').OverrideAction).toEqual({ None: {} });
  });

  it('blocks a client IP that posts forms faster than the stage allows', () => {
    const limit = rule('FormPostsPerIp');
    expect(limit.Action).toEqual({ Block: {} });
    const { RateBasedStatement: rate } = limit.Statement;
    expect(rate).toMatchObject({ AggregateKeyType: 'IP', Limit: 60, EvaluationWindowSec: 300 });
    const [method, path] = rate.ScopeDownStatement.AndStatement.Statements;
    expect(method.ByteMatchStatement).toMatchObject({
      SearchString: 'POST',
      PositionalConstraint: 'EXACTLY',
    });
    const forms = setOf(path);
    for (const route of formRoutes) expect(matches(forms, route.path)).toBe(true);
    for (const evasion of ['/subscriptions/', '/report/']) expect(matches(forms, evasion)).toBe(true);
    for (const other of ['/subscriptions/abc/unsubscribe', '/corrections', '/subscriptions/abc/verify'])
      expect(matches(forms, other)).toBe(false);
    expect(path.RegexPatternSetReferenceStatement.TextTransformations).toEqual([
      { Priority: 0, Type: 'NORMALIZE_PATH' },
    ]);
  });

  it('never counts, limits or challenges the one-click unsubscribe', () => {
    const limit = rule('RequestsPerIp');
    expect(limit.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: 3000 });
    const excluded =
      limit.Statement.RateBasedStatement.ScopeDownStatement.NotStatement.Statement.AndStatement;
    const [method, path] = excluded.Statements;
    expect(method.ByteMatchStatement.SearchString).toBe('POST');
    const oneClick = setOf(path);
    expect(neverThrottledRoutes.map((route) => route.path)).toEqual(['/subscriptions/{id}/unsubscribe']);
    expect(matches(oneClick, '/subscriptions/0f9b2c/unsubscribe')).toBe(true);
    expect(matches(oneClick, '/subscriptions/0f9b2c/unsubscribe-page')).toBe(false);
    expect(matches(oneClick, '/subscriptions')).toBe(false);
    // …and the form rules' paths never include it.
    const forms = setOf(rule('FormPostsNeedABrowser').Statement.AndStatement.Statements[1]);
    expect(matches(forms, '/subscriptions/0f9b2c/unsubscribe')).toBe(false);
  });

  it('challenges form posts without a browser’s token, and hands the token out on the form pages', () => {
    expect(rule('FormPostsNeedABrowser').Action).toEqual({ Challenge: {} });
    expect(rule('FormPostsNeedABrowser').Statement).toEqual(
      rule('FormPostsPerIp').Statement.RateBasedStatement.ScopeDownStatement,
    );
    const pages = rule('FormPagesHandOutTheToken');
    expect(pages.Action).toEqual({ Challenge: {} });
    const [method, path] = pages.Statement.AndStatement.Statements;
    expect(method.ByteMatchStatement.SearchString).toBe('GET');
    expect(setOf(path).sort()).toEqual(
      [
        pathRegex({ method: 'GET', path: '/report', auth: 'none', throttled: true }),
        pathRegex({ method: 'GET', path: '/subscribe', auth: 'none', throttled: true }),
      ].sort(),
    );
    expect(webAcl.Properties.ChallengeConfig).toEqual({
      ImmunityTimeProperty: { ImmunityTime: challengeImmunitySeconds },
    });
    // Long enough to write a report after the page loaded.
    expect(challengeImmunitySeconds).toBeGreaterThanOrEqual(60 * 60);
  });

  it('covers every public form post of the catalogue', () => {
    expect(formRoutes.map((route) => `${route.method} ${route.path}`).sort()).toEqual([
      'POST /report',
      'POST /submissions',
      'POST /subscribe',
      'POST /subscriptions',
    ]);
  });

  it('passes cdk-nag’s AwsSolutions checks', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((violation) => violation.ruleName)).toEqual([]);
  });

  it('refuses a rate below what WAF counts', () => {
    const low = new App({ context: { stage: 'prod', requestsPerIp: 5 } });
    expect(() => readConfig(low.node, stages, { guard: false })).toThrow(/requestsPerIp/);
  });
});
