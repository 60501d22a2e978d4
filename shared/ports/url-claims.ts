/** Which case a page's reports currently go to. */
export interface UrlClaim {
  urlKey: string;
  caseId: string;
}

/** The URL claims that gather a page's reports into one case (written when a report opens a case). */
export interface UrlClaims {
  find(urlKey: string): Promise<UrlClaim | undefined>;
  /** Points the claim of `urlKey` at `to` if it still points at `from` (a merge). */
  move(urlKey: string, from: string, to: string): Promise<void>;
}
