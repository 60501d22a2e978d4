/** SES has no local engine: the adapter is checked on the exact request it builds. */
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { SesEmailSender } from './email-sender.ts';

function recordingSes(answer: { MessageId?: string } = { MessageId: 'ses-1' }) {
  const sent: SendEmailCommand[] = [];
  const client = {
    send: async (command: SendEmailCommand) => {
      sent.push(command);
      return answer;
    },
  } as unknown as SESv2Client;
  return { client, sent };
}

describe('the SES v2 email sender', () => {
  it('sends UTF-8 text and HTML with the unsubscribe headers, from the desk, through the configuration set', async () => {
    const { client, sent } = recordingSes();
    const sender = new SesEmailSender(client, 'corrections@example.org', 'desk-events');
    const id = await sender.send({
      to: 'reader@example.org',
      subject: '[更正] 关于伤亡人数的更正',
      text: '受伤人数为1人。',
      html: '<p>受伤人数为1人。</p>',
      headers: {
        'List-Unsubscribe': '<https://c.example.org/subscriptions/s1/unsubscribe?token=t>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      kind: 'correction',
      correctionId: 'abc',
    });
    expect(id).toBe('ses-1');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(SendEmailCommand);
    expect(sent[0]?.input).toEqual({
      FromEmailAddress: 'corrections@example.org',
      Destination: { ToAddresses: ['reader@example.org'] },
      Content: {
        Simple: {
          Subject: { Data: '[更正] 关于伤亡人数的更正', Charset: 'UTF-8' },
          Body: {
            Text: { Data: '受伤人数为1人。', Charset: 'UTF-8' },
            Html: { Data: '<p>受伤人数为1人。</p>', Charset: 'UTF-8' },
          },
          Headers: [
            {
              Name: 'List-Unsubscribe',
              Value: '<https://c.example.org/subscriptions/s1/unsubscribe?token=t>',
            },
            { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
          ],
        },
      },
      EmailTags: [{ Name: 'kind', Value: 'correction' }],
      ConfigurationSetName: 'desk-events',
    });
  });

  it('sends no headers and no configuration set when there are none', async () => {
    const { client, sent } = recordingSes();
    await new SesEmailSender(client, 'corrections@example.org').send({
      to: 'a@example.org',
      subject: 's',
      text: 't',
      html: 'h',
      kind: 'confirmation',
    });
    expect(sent[0]?.input.Content?.Simple).not.toHaveProperty('Headers');
    expect(sent[0]?.input).not.toHaveProperty('ConfigurationSetName');
  });

  it('fails when SES answers without a message id', async () => {
    const { client } = recordingSes({});
    await expect(
      new SesEmailSender(client, 'c@example.org').send({
        to: 'a@example.org',
        subject: 's',
        text: 't',
        html: 'h',
        kind: 'reply',
      }),
    ).rejects.toThrow(/without a message id/);
  });
});
