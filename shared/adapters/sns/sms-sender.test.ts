/** Direct SMS has no local engine: the adapter is checked on the exact request it builds. */
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { SnsSmsSender } from './sms-sender.ts';

describe('the SNS SMS sender', () => {
  it('publishes to the phone number as a transactional message', async () => {
    const sent: PublishCommand[] = [];
    const client = {
      send: async (command: PublishCommand) => {
        sent.push(command);
        return { MessageId: 'sns-1' };
      },
    } as unknown as SNSClient;
    const id = await new SnsSmsSender(client).send({
      to: '+8613800138000',
      body: '【更正】关于伤亡人数的更正 https://c.example.org/c/abc',
      kind: 'correction',
      correctionId: 'abc',
    });
    expect(id).toBe('sns-1');
    expect(sent[0]).toBeInstanceOf(PublishCommand);
    expect(sent[0]?.input).toEqual({
      PhoneNumber: '+8613800138000',
      Message: '【更正】关于伤亡人数的更正 https://c.example.org/c/abc',
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    });
  });

  it('names the configured sender ID', async () => {
    const sent: PublishCommand[] = [];
    const client = {
      send: async (command: PublishCommand) => {
        sent.push(command);
        return { MessageId: 'sns-2' };
      },
    } as unknown as SNSClient;
    await new SnsSmsSender(client, 'CityFire').send({ to: '+14155552671', body: 'x', kind: 'reply' });
    expect(sent[0]?.input.MessageAttributes).toEqual({
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
      'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'CityFire' },
    });
  });

  it('lets a refused publish fail the send', async () => {
    const client = {
      send: async () => {
        throw Object.assign(new Error('Phone number is opted out'), { name: 'InvalidParameterException' });
      },
    } as unknown as SNSClient;
    await expect(
      new SnsSmsSender(client).send({ to: '+14155552671', body: 'x', kind: 'reply' }),
    ).rejects.toThrow(/opted out/);
  });
});
