/**
 * What the console page tells its script, from the function's configuration. The server writes it
 * into one attribute of <body>; the script reads it back before anything else.
 */

export interface ConsoleSettings {
  signIn: 'dev' | 'cognito';
  /** The console's own address: the OAuth redirect and sign-out URI the app client registers. */
  consoleUrl: string;
  /** The hosted UI's domain (cognito only), without a trailing slash. */
  cognitoDomainUrl?: string;
  cognitoClientId?: string;
  /** The longest permalink an SMS may carry: the SMS counter measures with it, as the API's check does. */
  smsLink: string;
  /** The desk's time zone: due times are shown in it, named. */
  timeZone: string;
}

export const settingsAttribute = 'data-console-settings';
