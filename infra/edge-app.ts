/**
 * The edge stack's own CDK app (`npm run deploy:edge -- -c stage=<stage>`): the WAF web ACL in
 * us-east-1. Apart from the desk's app because it is deployed first: the desk's stage guard requires
 * the web ACL's ARN, which only exists once this has been deployed.
 */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from './config.ts';
import { EdgeProtectionStack } from './edge/stack.ts';
import { stages } from './stages/index.ts';

const app = new App();
const config = readConfig(app.node, stages, { guard: false });

new EdgeProtectionStack(app, `corrections-desk-${config.stage}-edge`, {
  description: `Corrections desk (${config.stage}): the edge's WAF web ACL (CloudFront, us-east-1)`,
  stage: config.stage,
  edge: config.edge,
});
Tags.of(app).add('project', 'corrections-desk');
Tags.of(app).add('stage', config.stage);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
