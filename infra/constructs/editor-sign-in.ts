/**
 * Sign-in for the editors: a Cognito user pool that only administrators add people to, the three
 * groups the functions check, and the console's app client (OAuth code flow with PKCE, hosted UI).
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  type UserPoolDomain,
  UserPoolEmail,
  UserPoolGroup,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { roles } from '../../shared/domain/roles.ts';
import { editorMessages } from '../editor-mail.ts';

/** Cognito's own mail through the desk's SES identity, instead of its 50-a-day default sender. */
export interface EditorMail {
  fromAddress: string;
  fromName: string;
  /** The verified domain the address belongs to; absent when the identity is the address itself. */
  verifiedDomain?: string;
  configurationSet: string;
}

export interface EditorSignInProps {
  stage: string;
  /** Where the console lives: the hosted UI sends the authorization code back here. */
  consoleUrl: string;
  /** Absent only on a dev stage without an SES identity: Cognito's default sender then. */
  mail?: EditorMail;
  /** The hosted UI on the desk's own domain; the certificate is an ACM one in us-east-1. */
  customDomain?: { name: string; certificateArn: string };
}

export class EditorSignIn extends Construct {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: EditorSignInProps) {
    super(scope, id);
    const messages = editorMessages(props.consoleUrl);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `corrections-desk-${props.stage}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Every member of this pool is staff who can approve what the public reads: MFA for all of
      // them rather than optional. An authenticator app (TOTP) needs no SMS spend and no SNS role.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      // Plus tier: threat protection blocks sign-ins with leaked credentials or risky patterns.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.mail
        ? {
            email: UserPoolEmail.withSES({
              fromEmail: props.mail.fromAddress,
              fromName: props.mail.fromName,
              sesRegion: Stack.of(this).region,
              ...(props.mail.verifiedDomain ? { sesVerifiedDomain: props.mail.verifiedDomain } : {}),
              configurationSetName: props.mail.configurationSet,
            }),
          }
        : {}),
      userInvitation: { emailSubject: messages.invitation.subject, emailBody: messages.invitation.body },
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: messages.verification.subject,
        emailBody: messages.verification.body,
      },
    });

    for (const role of roles) {
      new UserPoolGroup(this, `Group-${role}`, { userPool: this.userPool, groupName: role });
    }

    this.domain = this.userPool.addDomain(
      'Domain',
      props.customDomain
        ? {
            customDomain: {
              domainName: props.customDomain.name,
              certificate: Certificate.fromCertificateArn(
                this,
                'Certificate',
                props.customDomain.certificateArn,
              ),
            },
          }
        : // Prefixes are unique per region across all accounts: the account id keeps ours free.
          { cognitoDomain: { domainPrefix: `corrections-desk-${props.stage}-${Stack.of(this).account}` } },
    );

    this.consoleClient = this.userPool.addClient('Console', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [props.consoleUrl],
        logoutUrls: [props.consoleUrl],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }
}
