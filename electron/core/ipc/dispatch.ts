import { z } from 'zod';
import { contract, isChannel } from '../../shared/contract.ts';
import type { IpcErrorPayload, IpcResult } from '../../shared/errors.ts';
import { typedError } from '../typed-error.ts';
import type { WindowKind } from '../../shared/window-scopes.ts';
import type { HandlerMap } from './handler-map.ts';
import { mayInvoke } from './window-access.ts';

export interface DispatchOptions {
  /** Called with failures the user cannot act on, so they reach the log. */
  onInternalError?: (channel: string, error: unknown) => void;
  /**
   * Also check each answer against the contract's output schema. Tests and the E2E
   * bridge turn it on to catch a handler drifting from the contract; the app does not
   * pay for it on every (possibly large) answer.
   */
  validateOutput?: boolean;
  /**
   * The kind of window the request came from (null: none main knows). Given, only its
   * scope's channels are answered (electron/shared/window-scopes.ts); main's IPC and the
   * E2E bridge always give it. Tests calling handlers directly leave it out.
   */
  window?: WindowKind | null;
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
  if (options.window !== undefined && !mayInvoke(options.window, channel)) {
    // Refused before the input is looked at: a window outside the scope learns nothing of the channel.
    return fail({
      code: 'CHANNEL_NOT_ALLOWED',
      message: `${channel} is not open to the ${options.window ?? 'unknown'} window`,
    });
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
    const typed = typedError(error);
    if (typed) return fail({ code: typed.code, message: typed.message, details: typed.details });
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
