/**
 * The CDK app: one stack per stage, configured from context, checked by cdk-nag's AwsSolutions
 * rules on every synth (an unacknowledged finding fails it).
 */
import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from './config.ts';
import { CorrectionsDeskStack } from './stack.ts';

const app = new App();
const config = readConfig(app.node);

new CorrectionsDeskStack(app, `corrections-desk-${config.stage}`, {
  description: `Corrections desk (${config.stage}): report, review, publish and deliver corrections`,
  config,
  sourceRoot: fileURLToPath(new URL('..', import.meta.url)),
});
Tags.of(app).add('project', 'corrections-desk');
Tags.of(app).add('stage', config.stage);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
