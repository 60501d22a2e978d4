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
  timeZone: 'Asia/Shanghai',
  smsCountries: ['CN'],
  apiRateLimit: 20,
  apiBurstLimit: 40,
};
