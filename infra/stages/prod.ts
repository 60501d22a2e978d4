/**
 * The public deployment. An example for a newsroom at news.example.org: replace the values with your
 * organisation's and commit them; docs/deploy.md explains each one.
 */
import type { StageSettings } from './settings.ts';

export const prod: StageSettings = {
  alertEmails: ['desk-chief@news.example.org', 'night-editor@news.example.org'],
  sesIdentity: 'news.example.org',
  publicBaseUrl: 'https://corrections.news.example.org',
  timeZone: 'Asia/Shanghai',
  smsCountries: ['CN'],
  apiRateLimit: 100,
  apiBurstLimit: 200,
};
