/**
 * A Secrets Manager secret read through the AWS Parameters and Secrets Lambda Extension: a layer that
 * answers on localhost and caches what it reads. The function makes one HTTP GET instead of bundling
 * the Secrets Manager client (about 14 kB and its import time in every function). The extension calls
 * GetSecretValue with the function's own role, so the grants stay what they were.
 */

/** The extension's port unless its variable says otherwise (the CDK sets it only when changed). */
export const defaultExtensionPort = 2773;

/** Lambda's and the extension's own variables, which the desk's config does not set. */
export interface ExtensionEnvironment {
  /** The function's session token: the extension answers only requests that carry it. */
  AWS_SESSION_TOKEN?: string;
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT?: string;
}

/**
 * The extension answers 400 until its own init is done; a function's first read runs in an invocation,
 * after init, so this only covers a slow start. A few short waits, then the error stands.
 */
const notReadyRetries = 5;
const notReadyWaitMs = 100;

/**
 * The extension waits on Secrets Manager without a limit of its own: a read that hangs fails after
 * this, with a clear error, and the next invocation reads again (compose keeps no failed build).
 */
export const readTimeoutMs = 3000;

export async function extensionSecret(
  secretId: string,
  what: string,
  environment: ExtensionEnvironment = process.env,
  timeoutMs = readTimeoutMs,
): Promise<string> {
  const token = environment.AWS_SESSION_TOKEN;
  if (!token) throw new Error(`Cannot read the ${what}: AWS_SESSION_TOKEN is not set`);
  const port = Number(environment.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT || defaultExtensionPort);
  const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`;
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, {
      headers: { 'X-Aws-Parameters-Secrets-Token': token },
      signal: AbortSignal.timeout(timeoutMs),
    }).catch((error: Error & { cause?: { code?: string } }) => {
      // A refused connection (no extension layer) says so in its cause; a timeout in its name.
      throw new Error(
        `Cannot read the ${what} through the secrets extension: ${error.cause?.code ?? error.name}`,
      );
    });
    if (response.ok) {
      const { SecretString } = (await response.json()) as { SecretString?: string };
      if (!SecretString) throw new Error(`The ${what} is empty`);
      return SecretString;
    }
    // The body says why (not ready, access denied, not found); it never holds the secret.
    const reason = (await response.text()).slice(0, 300);
    if (response.status === 400 && /not ready/i.test(reason) && attempt < notReadyRetries) {
      await new Promise((resolve) => setTimeout(resolve, notReadyWaitMs));
      continue;
    }
    throw new Error(`Cannot read the ${what} through the secrets extension: ${response.status} ${reason}`);
  }
}
