/**
 * The edge's protection, in us-east-1 where CloudFront's web ACLs must live: a stack of its own, so the
 * desk itself stays in the region its data belongs in. Deploy it first (`npm run deploy:edge`), put
 * its WebAclArn output into the stage's file, then deploy the desk (docs/deploy.md, The edge).
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { EdgeConfig } from '../config.ts';
import { DeskWebAcl } from './web-acl.ts';

export const edgeRegion = 'us-east-1';

export interface EdgeProtectionStackProps extends StackProps {
  stage: string;
  edge: EdgeConfig;
}

export class EdgeProtectionStack extends Stack {
  readonly webAcl: DeskWebAcl;

  constructor(scope: Construct, id: string, props: EdgeProtectionStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: edgeRegion } });
    this.webAcl = new DeskWebAcl(this, 'Protection', { stage: props.stage, limits: props.edge });
    new CfnOutput(this, 'WebAclArn', {
      value: this.webAcl.webAcl.attrArn,
      description: 'Set it as webAclArn in infra/stages/<stage>.ts, then deploy the desk',
    });
  }
}
