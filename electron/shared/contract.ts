import { z } from 'zod';
import { AccountSummary, AppInfo, Settings, SettingsPatch } from './models.ts';

/**
 * The IPC contract, declared once. Main registers a handler per channel (validating input
 * with these schemas), the preload exposes exactly these channels, and the renderer's
 * client is typed from them. Adding a channel here is the only way to add one.
 */
export const contract = {
  'app:info': { input: z.void(), output: AppInfo },
  'settings:get': { input: z.void(), output: Settings },
  'settings:update': { input: SettingsPatch, output: Settings },
  'accounts:list': { input: z.void(), output: z.array(AccountSummary) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Events main pushes to renderers, each with its payload schema. */
export const events = {
  'settings:changed': Settings,
} as const satisfies Record<string, z.ZodType>;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channels = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
