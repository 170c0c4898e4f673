import { describe, expect, it } from 'vitest';
import { createRedactingLogger, type Logger, SecretRegistry } from '../../electron/core/log.ts';

function capture() {
  const entries: { event: string; fields: Record<string, unknown> | undefined }[] = [];
  const record = (event: string, fields?: Record<string, unknown>) => entries.push({ event, fields });
  const base: Logger = { info: record, warn: record, error: record };
  return { entries, base, text: () => JSON.stringify(entries) };
}

describe('redacting logger', () => {
  const secret = 'abc"def\\ghi-secret';
  const secrets = new SecretRegistry();
  secrets.add(secret);

  it('blanks registered secrets anywhere, quotes and backslashes included', () => {
    const { base, text } = capture();
    const logger = createRedactingLogger(base, secrets);
    logger.info('nested', { deep: { list: [`prefix ${secret} suffix`] }, [secret]: 'as a key' });
    expect(text()).not.toContain('def\\\\ghi');
    expect(text()).not.toContain('abc\\"def');
    expect(text()).toContain('[redacted]');
  });

  it('blanks fields named like secrets, whatever their value', () => {
    const { base, entries } = capture();
    createRedactingLogger(base, new SecretRegistry()).warn('fields', {
      clientSecret: 'x',
      apiKey: 'y',
      headers: { 'x-api-key': 'z', accept: 'json' },
    });
    expect(entries[0]?.fields).toEqual({
      clientSecret: '[redacted]',
      apiKey: '[redacted]',
      headers: { 'x-api-key': '[redacted]', accept: 'json' },
    });
  });

  it('keeps what an error says, its code and its cause, redacted', () => {
    const { base, entries } = capture();
    const cause = Object.assign(new Error(`socket closed near ${secret}`), { code: 'ECONNRESET' });
    createRedactingLogger(base, secrets).error('failed', { error: new Error('request failed', { cause }) });
    expect(entries[0]?.fields).toEqual({
      error: {
        name: 'Error',
        message: 'request failed',
        cause: { code: 'ECONNRESET', name: 'Error', message: 'socket closed near [redacted]' },
      },
    });
  });

  it('never throws, on cycles or BigInts', () => {
    const { base, entries } = capture();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(() => createRedactingLogger(base, secrets).info('odd', { cyclic, big: 10n ** 30n })).not.toThrow();
    expect(entries[0]?.fields).toEqual({
      cyclic: { name: 'loop', self: '[circular]' },
      big: '1000000000000000000000000000000',
    });
  });

  it('ignores strings too short to be secrets', () => {
    const registry = new SecretRegistry();
    registry.add('a');
    expect(registry.redact('a banana')).toBe('a banana');
  });
});
