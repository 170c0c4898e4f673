/**
 * The names of the IPC channels and events, apart from their schemas so the preload can
 * check names without bundling zod. contract.ts pairs each name with its schemas and the
 * compiler keeps the two lists identical.
 */
export const channelNames = [
  'app:info',
  'settings:get',
  'settings:update',
  'accounts:list',
  'accounts:update',
  'accounts:deletion',
  'accounts:delete',
  'accounts:create-manual',
  'accounts:edit-manual',
  'pluggy-account:get',
  'pluggy-account:save',
  'pluggy-account:use',
  'pluggy-account:remove',
  'demo-data:get',
  'demo-data:remove',
  'connectors:list',
  'connections:list',
  'connections:create',
  'connections:mfa',
  'connections:refresh',
  'connections:reconnect',
  'connections:remove',
  'connections:history',
  'connections:attempt',
  'connections:resolve-duplicate',
  'transactions:list',
  'transactions:totals',
  'categories:list',
  'categories:create',
  'categories:rename',
  'categories:merge',
  'categories:archive',
  'categories:group-effect',
  'categories:set-group',
  'classification:review',
  'transactions:update',
  'transactions:bulk-categorize',
  'transactions:split',
  'transactions:get',
  'transactions:create',
  'transactions:edit',
  'transactions:transfer',
  'transactions:delete',
  'undo:apply',
  'connect-window:open',
  'connect-token:create',
  'connections:adopt',
  'rules:list',
  'rules:save',
  'rules:delete',
  'rules:reorder',
  'rules:preview',
  'rules:apply',
  'rules:from-transaction',
  'rules:suggestions',
  'rules:suggestion-accept',
  'rules:suggestion-dismiss',
  'reconciliation:setup',
  'reconciliation:start',
  'reconciliation:get',
  'reconciliation:update',
  'reconciliation:tick',
  'reconciliation:help',
  'reconciliation:finish',
  'reconciliation:discard',
  'reconciliation:history',
  'reconciliation:undo',
  'reconciliation:conflicts',
  'reconciliation:resolve',
  'reports:profit-and-loss',
  'reports:livro-caixa',
  'reports:cash-flow',
  'reports:dashboard',
  'reports:owner',
  'exports:csv',
  'exports:ofx',
  'exports:xlsx',
  'exports:pdf',
  'exports:cancel',
] as const;
export type Channel = (typeof channelNames)[number];

export const eventNameList = ['settings:changed', 'sync:notice', 'rules:progress', 'exports:progress'] as const;
export type EventName = (typeof eventNameList)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNameList as readonly string[]).includes(value);
}
