import { type Channel, channelNames, type EventName, eventNameList } from './channels.ts';

/**
 * Least privilege per window (design.md §12): each kind of window may invoke only the
 * channels its own page calls and hears only the events it listens to. Declared once,
 * next to the contract's names (no zod, so the preload can bundle it): the preload of
 * each window exposes only its scope, and main refuses anything else by the sender's
 * window (electron/core/ipc/window-access.ts), whatever a page's code asks for.
 */
export const windowKinds = ['main', 'connect', 'report'] as const;
export type WindowKind = (typeof windowKinds)[number];

export interface WindowScope {
  channels: readonly Channel[];
  events: readonly EventName[];
}

/** Every page boots the same way (renderer/src/app/boot.tsx): language from settings, kept in step, and sync news. */
const bootChannels = ['settings:get'] as const satisfies readonly Channel[];
const bootEvents = ['settings:changed', 'sync:notice'] as const satisfies readonly EventName[];

/**
 * Linking a bank: what renderer/src/features/connect calls and no other page does. The
 * Connect window runs Pluggy's third-party widget, so it gets these and nothing about the
 * books: no transactions, accounts, rules, exports or settings changes.
 */
const connectFlowChannels = [
  'connectors:list',
  'connect-token:create',
  'connections:create',
  'connections:reconnect',
  'connections:attempt',
  'connections:adopt',
] as const satisfies readonly Channel[];

const connectFlowOnly: ReadonlySet<Channel> = new Set(connectFlowChannels);

export const windowScopes: Readonly<Record<WindowKind, WindowScope>> = {
  // The app itself: everything but the Connect flow's own steps, which only the Connect window takes.
  main: {
    channels: channelNames.filter((channel) => !connectFlowOnly.has(channel)),
    events: eventNameList,
  },
  connect: {
    channels: [
      ...bootChannels,
      ...connectFlowChannels,
      // The connections already kept (the title, duplicates), an MFA answer, a duplicate's answer.
      'connections:list',
      'connections:mfa',
      'connections:resolve-duplicate',
    ],
    events: bootEvents,
  },
  // The hidden window the PDF report is printed from (renderer/src/report.tsx): it reads, never writes.
  report: {
    channels: [
      ...bootChannels,
      'categories:list',
      'reports:owner',
      'reports:profit-and-loss',
      'reports:livro-caixa',
      'reports:cash-flow',
      'reports:dashboard',
    ],
    events: bootEvents,
  },
};

const argumentPrefix = '--balancete-window=';

/** How main tells a window's preload its kind: an argument of the renderer process (webPreferences.additionalArguments). */
export function windowKindArgument(kind: WindowKind): string {
  return `${argumentPrefix}${kind}`;
}

/** The window kind among a renderer process's arguments, or null when there is none (or more than one). */
export function windowKindFromArguments(argv: readonly string[]): WindowKind | null {
  const kinds = argv.filter((arg) => arg.startsWith(argumentPrefix)).map((arg) => arg.slice(argumentPrefix.length));
  const [kind] = kinds;
  return kinds.length === 1 && isWindowKind(kind) ? kind : null;
}

function isWindowKind(value: unknown): value is WindowKind {
  return typeof value === 'string' && (windowKinds as readonly string[]).includes(value);
}
