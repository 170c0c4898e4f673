import { describe, expect, it } from 'vitest';
import { mayInvoke, mayReceive } from '../../electron/core/ipc/window-access.ts';
import { channels, eventNames } from '../../electron/shared/contract.ts';
import {
  type WindowKind,
  windowKindArgument,
  windowKindFromArguments,
  windowKinds,
  windowScopes,
} from '../../electron/shared/window-scopes.ts';
import { contractNamesUsedBy } from '../support/page-channels.ts';

/** The page each kind of window shows (electron.vite.config.ts's renderer inputs). */
const pageOf: Record<WindowKind, string> = {
  main: 'renderer/src/main.tsx',
  connect: 'renderer/src/connect.tsx',
  report: 'renderer/src/report.tsx',
};

describe('window scopes', () => {
  it.each(windowKinds)(
    'the %s window gets exactly the channels and events its page’s code names: all it needs, nothing more',
    (kind) => {
      const used = contractNamesUsedBy(pageOf[kind]);
      expect([...windowScopes[kind].channels].sort()).toEqual([...used.channels].sort());
      expect([...windowScopes[kind].events].sort()).toEqual([...used.events].sort());
    },
    // Parses the page's whole source: a second or two for the main window's.
    20_000,
  );

  it('reading a page’s code finds what it calls through shared hooks, and only that (so the test above can fail)', () => {
    const connect = contractNamesUsedBy(pageOf.connect).channels;
    // ConnectFlow → useConnectors (queries.ts) → 'connectors:list'; the file's other hooks are not charged.
    expect(connect.has('connectors:list')).toBe(true);
    expect(connect.has('transactions:list')).toBe(false);
    expect(contractNamesUsedBy(pageOf.report).channels.has('reports:livro-caixa')).toBe(true);
  });

  it('the Connect window, which runs Pluggy’s widget, has the connect flow and nothing about the books', () => {
    expect([...windowScopes.connect.channels].sort()).toEqual([
      'connect-token:create',
      'connections:adopt',
      'connections:attempt',
      'connections:create',
      'connections:list',
      'connections:mfa',
      'connections:reconnect',
      'connections:resolve-duplicate',
      'connectors:list',
      'settings:get',
    ]);
  });

  it('the report window only reads', () => {
    expect([...windowScopes.report.channels].sort()).toEqual([
      'categories:list',
      'reports:cash-flow',
      'reports:dashboard',
      'reports:livro-caixa',
      'reports:owner',
      'reports:profit-and-loss',
      'settings:get',
    ]);
  });

  it('every channel and event of the contract belongs to some window, and the connect flow’s own steps to the Connect window alone', () => {
    for (const channel of channels) {
      expect(windowKinds.filter((kind) => mayInvoke(kind, channel)).length, channel).toBeGreaterThan(0);
    }
    for (const event of eventNames) {
      expect(windowKinds.filter((kind) => mayReceive(kind, event)).length, event).toBeGreaterThan(0);
    }
    for (const channel of ['connect-token:create', 'connections:adopt', 'connections:create'] as const) {
      expect(windowKinds.filter((kind) => mayInvoke(kind, channel))).toEqual(['connect']);
    }
  });

  it('a sender of no known kind may invoke nothing and hears nothing', () => {
    expect(channels.filter((channel) => mayInvoke(null, channel))).toEqual([]);
    expect(eventNames.filter((event) => mayReceive(null, event))).toEqual([]);
  });
});

describe('window kind in the renderer’s arguments', () => {
  it('reads back what main writes, for each kind', () => {
    for (const kind of windowKinds) {
      expect(windowKindFromArguments(['/usr/lib/electron', '--type=renderer', windowKindArgument(kind)])).toBe(kind);
    }
  });

  it('is none when missing, unknown or given twice', () => {
    expect(windowKindFromArguments(['--type=renderer'])).toBeNull();
    expect(windowKindFromArguments(['--balancete-window=admin'])).toBeNull();
    expect(windowKindFromArguments(['--balancete-window=', '--balancete-window=main'])).toBeNull();
    expect(windowKindFromArguments([windowKindArgument('connect'), windowKindArgument('main')])).toBeNull();
  });
});
