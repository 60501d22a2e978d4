/**
 * The stage guard: settings a stage cannot deploy without, each with what goes wrong when it is
 * missing. Synth of a stage fails, naming every missing setting, before anything reaches AWS. `dev`
 * requires nothing (offline synth, personal stacks); every other stage takes `deployed`, unless it
 * has a row of its own. To require a new setting, add a line here.
 */
import type { SettingKey, StageSettings } from './settings.ts';

export type Requirements = Partial<Record<SettingKey, string>>;

export const requiredSettings: { dev: Requirements; deployed: Requirements } & Record<string, Requirements> =
  {
    dev: {},
    deployed: {
      sesIdentity:
        'the SES identity (and its DKIM keys) the desk sends as; without it no identity is created and ' +
        'mail cannot be sent',
      alertEmails: 'who receives alarms, escalations and the digest; without it every alarm goes nowhere',
      publicBaseUrl:
        'the base of every link in every message; without it links point at the API’s own URL and ' +
        'change when the API does',
      smsCountries:
        'the countries SMS may be sent to; without it anyone could make the desk text any country',
      signInDomain:
        'the editors’ sign-in on the desk’s own domain; without it invitations link to an amazoncognito.com ' +
        'address that mail filters and editors distrust',
      signInCertificateArn:
        'the ACM certificate (us-east-1) of signInDomain; Cognito cannot serve the domain without it',
      webAclArn:
        'the WAF web ACL of the edge stack (npm run deploy:edge, us-east-1); without it the public edge ' +
        'has no managed rules, no per-IP limits and no browser check on the forms',
    },
  };

const isSet = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  (Array.isArray(value) ? value.some((item) => String(item).trim() !== '') : String(value).trim() !== '');

/** Throws, listing every missing setting and why it matters, when a stage lacks what it requires. */
export function checkRequiredSettings(
  stage: string,
  setting: (key: SettingKey) => StageSettings[SettingKey] | undefined,
): void {
  const requirements = requiredSettings[stage] ?? requiredSettings.deployed;
  const missing = (Object.entries(requirements) as [SettingKey, string][]).filter(
    ([key]) => !isSet(setting(key)),
  );
  if (missing.length === 0) return;
  throw new Error(
    [
      `Stage "${stage}" is missing settings it cannot deploy without (set them in infra/stages/${stage}.ts):`,
      ...missing.map(([key, why]) => `  - ${key}: ${why}`),
    ].join('\n'),
  );
}
