/**
 * The local stack's stand-in for everything that would reach a person (SES email, SMS, staff email
 * from SNS): one JSON line per message in a file, read back by GET /dev/outbox.
 */
import { appendFile, readFile } from 'node:fs/promises';

export interface OutboxMessage {
  channel: 'email' | 'sms';
  address: string;
  kind:
    | 'confirmation'
    | 'verification_code'
    | 'correction'
    | 'correction_digest'
    | 'reply'
    | 'digest'
    | 'alert';
  subject?: string;
  body: string;
  correctionId?: string;
  /** On a correction_digest: the corrections it lists. */
  correctionIds?: string[];
  /** Email headers as sent (List-Unsubscribe and friends). */
  headers?: Record<string, string>;
  at: string;
}

export class Outbox {
  constructor(private readonly file: string) {}

  /** One write per line keeps concurrent appends whole. */
  async append(message: OutboxMessage): Promise<void> {
    await appendFile(this.file, `${JSON.stringify(message)}\n`, 'utf8');
  }

  async read(address?: string): Promise<OutboxMessage[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const messages = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as OutboxMessage);
    return address === undefined ? messages : messages.filter((message) => message.address === address);
  }
}
