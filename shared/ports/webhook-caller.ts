/** Calls to the body's other channels over the internet, within the destination rules. */
export interface CallOutcome {
  ok: boolean;
  statusCode?: number;
  /** A short reason without the URL: timeout, refused address, connection error code. */
  error?: string;
  ms: number;
}

export interface WebhookCaller {
  /** Why this URL may not be called now (its form or what its name resolves to), or undefined. */
  refusal(url: string): Promise<string | undefined>;
  /** One POST of `body`: checked again, connected to the checked address, 2xx within the timeout is ok. */
  post(url: string, body: string, headers: Record<string, string>): Promise<CallOutcome>;
}
