import { describe, expect, it } from 'vitest';
import { itemError, PluggyError } from '../../electron/core/pluggy/errors.ts';
import { AppError, errorCodes } from '../../electron/shared/errors.ts';

describe('item errors', () => {
  it.each([
    ['INVALID_CREDENTIALS', 'app'],
    ['INVALID_CREDENTIALS_MFA', 'app'],
    ['ACCOUNT_CREDENTIALS_RESET', 'app'],
    ['USER_INPUT_TIMEOUT', 'app'],
    ['USER_AUTHORIZATION_NOT_GRANTED', 'app'],
    ['ACCOUNT_LOCKED', 'bank'],
    ['ACCOUNT_NEEDS_ACTION', 'bank'],
    ['ALREADY_LOGGED_IN', 'bank'],
    ['SITE_NOT_AVAILABLE', 'wait'],
    ['CONNECTION_ERROR', 'wait'],
    ['UNEXPECTED_ERROR', 'wait'],
    ['USER_AUTHORIZATION_PENDING', 'wait'],
    ['USER_NOT_SUPPORTED', 'none'],
    ['A_CODE_PLUGGY_ADDS_LATER', 'wait'],
  ])('%s is fixed by: %s', (code, fixableBy) => {
    const error = itemError(code, 'message');
    expect(error).toMatchObject({ code: 'PLUGGY_ITEM_ERROR', pluggyCode: code, fixableBy });
  });

  it('keeps what the bank said', () => {
    expect(itemError('ACCOUNT_NEEDS_ACTION', 'Needs action', 'Aceite os termos').message).toBe(
      'Needs action (Aceite os termos)',
    );
  });

  it('is an AppError with a code the UI knows, so IPC passes it on as it is', () => {
    const error = new PluggyError('PLUGGY_RATE_LIMITED', 'slow down', { status: 429, retryAfterSeconds: 30 });
    expect(error).toBeInstanceOf(AppError);
    expect(errorCodes).toContain(error.code);
    expect(error.details).toEqual({ status: 429, retryAfterSeconds: 30 });
  });
});
