import { z } from 'zod';
import { type Channel, channelNames, type EventName, eventNameList } from './channels.ts';
import {
  AccountSummary,
  AppInfo,
  PluggyAccountStatus,
  PluggyCredentialsInput,
  PluggyModeInput,
  Settings,
  SettingsPatch,
  ConnectInput,
  ConnectWindowInput,
  ConnectToken,
  ConnectTokenInput,
  ReconnectInput,
  RemoveConnectionInput,
  SyncRunSummary,
  ConnectionSummary,
  ConnectorSummary,
  ItemInput,
  MfaInput,
  SyncNotice,
} from './models.ts';

export { type Channel, type EventName, isChannel, isEventName } from './channels.ts';

/**
 * The IPC contract, declared once. Main registers a handler per channel (validating input
 * with these schemas), the preload exposes exactly these channels, and the renderer's
 * client is typed from them. Adding a channel here (and its name in channels.ts) is the
 * only way to add one.
 */
export const contract = {
  'app:info': { input: z.void(), output: AppInfo },
  'settings:get': { input: z.void(), output: Settings },
  'settings:update': { input: SettingsPatch, output: Settings },
  'accounts:list': { input: z.void(), output: z.array(AccountSummary) },
  'pluggy-account:get': { input: z.void(), output: PluggyAccountStatus },
  /** Checks the keys with Pluggy (POST /auth) before keeping them in the OS keychain. */
  'pluggy-account:save': { input: PluggyCredentialsInput, output: PluggyAccountStatus },
  'pluggy-account:remove': { input: z.void(), output: PluggyAccountStatus },
  /** Demo, or the keys already kept (PLUGGY_KEYS_MISSING without them). */
  'pluggy-account:use': { input: PluggyModeInput, output: PluggyAccountStatus },
  'connectors:list': {
    input: z
      .object({ search: z.string().max(100).optional() })
      .strict()
      .optional(),
    output: z.array(ConnectorSummary),
  },
  'connections:list': { input: z.void(), output: z.array(ConnectionSummary) },
  /** Links a bank: creates the connection and follows it (progress arrives as sync:notice events). */
  'connections:create': { input: ConnectInput, output: ConnectionSummary },
  'connections:mfa': { input: MfaInput, output: ConnectionSummary },
  /** The user asks for fresh data now: resolves once Pluggy's update and the sync are done. */
  'connections:refresh': { input: ItemInput, output: ConnectionSummary },
  /** Opens (or brings forward) the Connect window, where banks are linked. */
  'connect-window:open': { input: ConnectWindowInput, output: z.null() },
  /** Logs in again to a connection the bank refused, with new credentials; progress as for create. */
  'connections:reconnect': { input: ReconnectInput, output: ConnectionSummary },
  /** Deletes the connection at Pluggy; keeps its accounts and transactions in the books, or deletes them too. */
  'connections:remove': { input: RemoveConnectionInput, output: z.null() },
  /** The connection's latest syncs, newest first. */
  'connections:history': { input: ItemInput, output: z.array(SyncRunSummary) },
  /** A connect token for Pluggy's widget (own application only), made by main with its API key. */
  'connect-token:create': { input: ConnectTokenInput, output: ConnectToken },
  /** An item the widget says it connected: main reads it back with its own key before keeping and following it. */
  'connections:adopt': { input: ItemInput, output: ConnectionSummary },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Events main pushes to renderers, each with its payload schema. */
export const events = {
  'settings:changed': Settings,
  'sync:notice': SyncNotice,
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channels: readonly Channel[] = channelNames;
export const eventNames: readonly EventName[] = eventNameList;
