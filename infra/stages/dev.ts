/**
 * The developers' stage: `npm run synth` and a personal test deployment. Nothing is required here, so
 * it synthesizes offline with no values at all; the desk then sends as corrections@example.org and
 * links to the API's own URL.
 */
import type { StageSettings } from './settings.ts';

export const dev: StageSettings = {
  smsCountries: ['CN'],
};
