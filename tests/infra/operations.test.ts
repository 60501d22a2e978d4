/**
 * Issue 14's operational settings, synthesized with every ops option set away from its default:
 * logging, backups, editors' mail. (The default-context checks live in stack.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { functionDefinitions } from '../../shared/resources/functions.ts';
import { productionContext, resourceAt, synthesize } from './synth.ts';

const operated = synthesize({
  ...productionContext,
  logLevel: 'debug',
  systemLogLevel: 'INFO',
  logRetentionDays: '365',
});

describe('logging from configuration', () => {
  it.each(Object.values(functionDefinitions).map((definition) => definition.id))(
    '%s logs JSON at the configured levels, kept as long as configured',
    (functionId) => {
      const [, fn] = resourceAt(operated, `${functionId}/Function`);
      const [, logGroup] = resourceAt(operated, `${functionId}/Logs`);
      expect(fn.Properties.LoggingConfig).toMatchObject({
        LogFormat: 'JSON',
        ApplicationLogLevel: 'DEBUG',
        SystemLogLevel: 'INFO',
      });
      expect(fn.Properties.Environment.Variables.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
      expect(logGroup.Properties.RetentionInDays).toBe(365);
    },
  );

  it('keeps the API access logs as long as the functions’ logs', () => {
    const [, accessLogs] = resourceAt(operated, 'Api/AccessLogs');
    expect(accessLogs.Properties.RetentionInDays).toBe(365);
  });
});
