/** The SMS provider's list of numbers that opted out (replied STOP), a page at a time. */
export interface OptOutList {
  page(token?: string): Promise<{ numbers: string[]; next?: string }>;
}
