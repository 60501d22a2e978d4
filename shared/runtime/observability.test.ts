import { describe, expect, it } from 'vitest';
import { redactPrivate } from './observability.ts';

describe('log redaction', () => {
  it('keeps contacts, addresses, tokens and codes out of log lines, at any depth', () => {
    const line = JSON.stringify(
      {
        caseId: 'c1',
        contact: { email: 'a@example.org' },
        job: { address: '+8613800138000', token: 't', code: '123456' },
      },
      redactPrivate,
    );
    expect(line).toBe(
      '{"caseId":"c1","contact":"[redacted]","job":{"address":"[redacted]","token":"[redacted]","code":"[redacted]"}}',
    );
  });
});
