/**
 * The rehearsal stage: production's shape with its own domain and addresses, so a release is tried on
 * a real edge, real SES and real SMS before it reaches the public. An example: replace the values with
 * your organisation's and commit them.
 */
import type { StageSettings } from './settings.ts';

export const staging: StageSettings = {
  alertEmails: ['desk-dev@news.example.org'],
  sesIdentity: 'staging.news.example.org',
  publicBaseUrl: 'https://corrections.staging.news.example.org',
  // Editors sign in here; the certificate covers it and lives in us-east-1 (docs/deploy.md).
  signInDomain: 'sign-in.staging.news.example.org',
  signInCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0c4a1a55-3d9e-4b7a-9f0e-2a6b8c1d5e7f',
  // The public edge: its domain (a CNAME to the DistributionDomainName output), its certificate in
  // us-east-1, and the web ACL from \`npm run deploy:edge -- -c stage=staging\` (docs/deploy.md, The edge).
  edgeDomain: 'corrections.staging.news.example.org',
  edgeCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0c4a1a55-3d9e-4b7a-9f0e-2a6b8c1d5e7f',
  webAclArn:
    'arn:aws:wafv2:us-east-1:111122223333:global/webacl/corrections-desk-staging/5b1c7f4e-0a2d-4e8b-9c3f-6d7e8f9a0b1c',
  timeZone: 'Asia/Shanghai',
  smsCountries: ['CN'],
  apiRateLimit: 20,
  apiBurstLimit: 40,
  // Retention (docs/deploy.md, Personal data): a reporter's contact details after the case is
  // published or closed, and delivery records after they are written.
  reporterContactDays: 90,
  deliveryRecordDays: 180,
};
