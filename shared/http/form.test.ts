import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../domain/errors.ts';
import { formFields, isForm } from './form.ts';
import { HttpProblem } from './problem.ts';

const event = (contentType: string, body: string, isBase64Encoded = false) =>
  ({ headers: { 'content-type': contentType }, body, isBase64Encoded }) as unknown as APIGatewayProxyEventV2;

describe('form posts', () => {
  it('are urlencoded or multipart', () => {
    expect(isForm(event('application/x-www-form-urlencoded', ''))).toBe(true);
    expect(isForm(event('multipart/form-data; boundary=x', ''))).toBe(true);
    expect(isForm(event('application/json', ''))).toBe(false);
  });

  it('read urlencoded fields, UTF-8 included', async () => {
    const fields = await formFields(
      event('application/x-www-form-urlencoded', 'List-Unsubscribe=One-Click&note=%E9%80%80%E8%AE%A2'),
    );
    expect(fields).toEqual({ 'List-Unsubscribe': 'One-Click', note: '退订' });
  });

  it('read multipart text fields, as RFC 8058 recommends mail clients send them', async () => {
    const body = [
      '--b0undary',
      'Content-Disposition: form-data; name="List-Unsubscribe"',
      '',
      'One-Click',
      '--b0undary--',
      '',
    ].join('\r\n');
    const encoded = Buffer.from(body).toString('base64');
    expect(await formFields(event('multipart/form-data; boundary=b0undary', encoded, true))).toEqual({
      'List-Unsubscribe': 'One-Click',
    });
  });

  it('refuse more than 64 KiB, and what cannot be read', async () => {
    const big = `token=${'x'.repeat(64 * 1024)}`;
    await expect(formFields(event('application/x-www-form-urlencoded', big))).rejects.toSatisfy(
      (error) => error instanceof HttpProblem && error.body.status === 413,
    );
    await expect(formFields(event('multipart/form-data; boundary=nope', 'garbage'))).rejects.toBeInstanceOf(
      InvalidInput,
    );
  });
});
