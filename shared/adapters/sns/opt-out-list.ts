/** SNS's opted-out numbers (ListPhoneNumbersOptedOut), page by page. */
import { ListPhoneNumbersOptedOutCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { OptOutList } from '../../ports/opt-out-list.ts';

export class SnsOptOutList implements OptOutList {
  constructor(private readonly sns: SNSClient) {}

  async page(token?: string): Promise<{ numbers: string[]; next?: string }> {
    const result = await this.sns.send(
      new ListPhoneNumbersOptedOutCommand(token ? { nextToken: token } : {}),
    );
    return { numbers: result.phoneNumbers ?? [], ...(result.nextToken ? { next: result.nextToken } : {}) };
  }
}
