/**
 * Amazon SES for the public's email: a configuration set every message is sent through, and the
 * sending identity when the deployment names one (otherwise it is verified outside the stack).
 */
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface EmailSendingProps {
  stage: string;
  /** A domain or an email address to create as an SES identity. */
  identity?: string;
  fromAddress: string;
  /** Where SES publishes bounces and complaints, for the suppressor. */
  events: ITopic;
}

export class EmailSending extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly identity?: EmailIdentity;
  private readonly sendingResources: string[];
  private readonly fromAddress: string;

  constructor(scope: Construct, id: string, props: EmailSendingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.fromAddress = props.fromAddress;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: `corrections-desk-${props.stage}`,
      // Bounce and complaint rates in CloudWatch for this configuration set, next to the account's.
      reputationMetrics: true,
      // A hard bounce or a complaint stops further mail to that address, whatever the code does.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    // The desk's own suppression list follows SES's: each hard bounce and complaint also ends the
    // address's subscription, and shows in GET /admin/suppressions.
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(props.events),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    const identityArn = (name: string) =>
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    if (props.identity) {
      this.identity = new EmailIdentity(this, 'Identity', {
        identity: props.identity.includes('@')
          ? Identity.email(props.identity)
          : Identity.domain(props.identity),
        configurationSet: this.configurationSet,
      });
      // Its DKIM keys are published in DNS and its reputation is the desk's: deleting or replacing the
      // stack must not delete them.
      this.identity.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }
    // SES authorizes a send against the identity of the From address: the domain or the address
    // itself, whichever was verified. Without a named identity, allow exactly those two.
    const identities = this.identity
      ? [this.identity.emailIdentityArn]
      : [identityArn(props.fromAddress.split('@')[1] ?? props.fromAddress), identityArn(props.fromAddress)];
    this.sendingResources = [
      ...identities,
      stack.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: this.configurationSet.configurationSetName,
      }),
    ];
  }

  /** SES v2 SendEmail from the configured address only, through this configuration set. */
  grantSend(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({
      grantee,
      actions: ['ses:SendEmail'],
      resourceArns: this.sendingResources,
      conditions: { StringEquals: { 'ses:FromAddress': this.fromAddress } },
    });
  }
}
