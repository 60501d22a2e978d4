/** A Content-Security-Policy source that allows one inline style sheet or script by its SHA-256. */
import { createHash } from 'node:crypto';

export const hashSource = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
