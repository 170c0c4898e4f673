import { z } from 'zod';
import { contract, isChannel } from '../../shared/contract.ts';
import { AppError, type IpcErrorPayload, type IpcResult } from '../../shared/errors.ts';
import type { HandlerMap } from './handler-map.ts';

export interface DispatchOptions {
  /** Called with failures the user cannot act on, so they reach the log. */
  onInternalError?: (channel: string, error: unknown) => void;
  /**
   * Also check each answer against the contract's output schema. Tests and the E2E
   * bridge turn it on to catch a handler drifting from the contract; the app does not
   * pay for it on every (possibly large) answer.
   */
  validateOutput?: boolean;
}

/**
 * Validates a raw request against the contract and runs its handler. Never throws:
 * every failure becomes a typed `{ code, message }` so a bad request cannot crash main.
 * Shared by Electron's IPC registration and the E2E bridge.
 */
export async function dispatch(
  handlers: HandlerMap,
  channel: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return fail({ code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${JSON.stringify(channel)}` });
  }
  const parsed = contract[channel].input.safeParse(rawInput);
  if (!parsed.success) {
    return fail({
      code: 'INVALID_INPUT',
      message: `Invalid input for ${channel}`,
      // Each channel has its own input type; the union of their errors is wider than flattenError takes.
      details: z.flattenError(parsed.error as z.ZodError),
    });
  }
  try {
    // The contract ties each channel's input to its handler; TypeScript cannot follow
    // that correlation through a union of channels, hence the widening here.
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    if (options.validateOutput) contract[channel].output.parse(value);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) {
      return fail({ code: error.code, message: error.message, details: error.details });
    }
    try {
      options.onInternalError?.(channel, error);
    } catch {
      // A logger that fails must not turn a typed error into a crash.
    }
    return fail({ code: 'INTERNAL', message: 'Something went wrong inside Balancete.' });
  }
}

function fail(error: IpcErrorPayload): IpcResult<never> {
  return error.details === undefined
    ? { ok: false, error: { code: error.code, message: error.message } }
    : { ok: false, error };
}
