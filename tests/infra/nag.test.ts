import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { productionContext, type Synthesized, synthesize } from './synth.ts';

/** Each deployment, and what only it acknowledges. */
const deployments: Array<[string, Record<string, unknown>, string[]]> = [
  ['a production stage (every option set)', productionContext, []],
  [
    'the defaults (no context at all)',
    {},
    // dev only: no web ACL (the guard requires one elsewhere), CloudFront's default certificate
    ['AwsSolutions-CFR2', 'AwsSolutions-CFR4'],
  ],
];

/** Every acknowledgement recorded in the stack, with the construct it was made on. */
function acknowledgements({ stack }: Synthesized) {
  return stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason,
        })),
      ),
  );
}

describe.each(deployments)('cdk-nag AwsSolutions on %s', (_name, context, devOnly) => {
  const synthesized = synthesize(context);

  it('finds nothing that is not acknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(synthesized.stack);
    const findings = report.violations.map(
      (violation) =>
        `${violation.ruleName}: ${violation.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
  });

  it('acknowledges only with a reason, and only what could not be fixed', () => {
    const acknowledged = acknowledgements(synthesized);
    for (const { reason } of acknowledged) expect(reason.length).toBeGreaterThan(60);
    expect(
      [
        ...new Set(
          acknowledged.map(({ id }) => id.replace(/^Annotation::/i, '').replace(/<\w+\.Arn>/, '<fn>')),
        ),
      ].sort(),
    ).toEqual(
      [
        'AwsSolutions-APIG4', // the public routes
        'AwsSolutions-CFR1', // no geographic restriction on a public body's corrections
        'AwsSolutions-CFR3', // CloudFront's logs would hold the tokens in query strings
        ...devOnly,
        // AWS Backup's service role
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]',
        'AwsSolutions-IAM5[Resource::*]', // X-Ray
        'AwsSolutions-IAM5[Resource::<fn>:*]', // Scheduler invoking the digest, versions included
        'AwsSolutions-SMG4', // the link-signing key
        'AwsSolutions-SQS3', // dead-letter queues that are not anybody's redrive target
      ].sort(),
    );
  });
});

describe('the app', () => {
  it('runs the checks on every synth and synthesizes clean', () => {
    const { app } = synthesize();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth({ force: true })).not.toThrow();
  });
});
