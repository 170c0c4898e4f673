import { describe, expect, it } from 'vitest';
import { type TrayMenuItem, trayModel, type TrayState } from '../../electron/core/tray/tray-model.ts';
import type { ConnectionSummary } from '../../electron/shared/models.ts';

function connection(overrides: Partial<ConnectionSummary> & { id: string; institution: string }): ConnectionSummary {
  return {
    connectorId: 0,
    institutionColor: null,
    institutionLogo: null,
    status: 'UPDATED',
    executionStatus: 'SUCCESS',
    errorCode: null,
    errorMessage: null,
    waitingFor: null,
    lastSyncedAt: '2026-11-20T13:05:00.000Z',
    nextAutoSyncAt: null,
    syncing: false,
    mode: 'demo',
    followed: true,
    openFinance: false,
    consent: null,
    partial: null,
    syncFailure: null,
    duplicateOf: null,
    accountCount: 3,
    ...overrides,
  };
}

const bank = connection({ id: 'a', institution: 'Pluggy Bank' });
const card = connection({ id: 'b', institution: 'Cartão Sandbox' });

function state(overrides: Partial<TrayState> = {}): TrayState {
  return {
    language: 'pt-BR',
    connections: [bank, card],
    paused: false,
    lastSyncedAt: '2026-11-20T13:05:00.000Z',
    refreshing: new Set(),
    refreshingAll: false,
    ...overrides,
  };
}

const labels = (menu: TrayMenuItem[]) => menu.filter((item) => item.kind === 'label').map((item) => item.label);
function action(menu: TrayMenuItem[], label: string) {
  const found = menu.find((item) => item.kind !== 'separator' && item.kind !== 'label' && item.label === label);
  if (!found || found.kind === 'separator' || found.kind === 'label') throw new Error(`no menu item ${label}`);
  return found;
}

describe('the tray', () => {
  it('says when data last came in (São Paulo time) and how each connection is doing', () => {
    const model = trayModel(state());
    expect(model.icon).toBe('ok');
    expect(model.tooltip).toBe('Balancete — Última sincronização: 20/11/2026 10:05');
    expect(labels(model.menu)).toEqual([
      'Última sincronização: 20/11/2026 10:05',
      'Pluggy Bank: atualizada',
      'Cartão Sandbox: atualizada',
    ]);
  });

  it('offers refresh of all, of each one, the window, pause and quit, in English too', () => {
    const model = trayModel(state({ language: 'en' }));
    expect(
      model.menu.filter((item) => item.kind !== 'label').map((item) => item.kind === 'separator' || item.label),
    ).toEqual([
      true,
      'Refresh all connections',
      'Refresh one connection',
      'Pause automatic syncing',
      true,
      'Open Balancete',
      'Quit Balancete',
    ]);
    const one = action(model.menu, 'Refresh one connection');
    expect(one.kind === 'submenu' && one.items).toEqual([
      { kind: 'action', label: 'Pluggy Bank', action: { refresh: 'a' }, enabled: true },
      { kind: 'action', label: 'Cartão Sandbox', action: { refresh: 'b' }, enabled: true },
    ]);
  });

  it('with one connection, refreshing all is refreshing it: no submenu', () => {
    const model = trayModel(state({ connections: [bank] }));
    expect(() => action(model.menu, 'Atualizar uma conexão')).toThrow();
    expect(action(model.menu, 'Atualizar todas as conexões').enabled).toBe(true);
  });

  it('shows syncing while a refresh runs, and does not offer that refresh again', () => {
    const model = trayModel(state({ refreshing: new Set(['a']) }));
    expect(model.icon).toBe('syncing');
    expect(labels(model.menu)).toContain('Pluggy Bank: atualizando…');
    const one = action(model.menu, 'Atualizar uma conexão');
    expect(one.kind === 'submenu' && one.items.map((item) => item.kind === 'action' && item.enabled)).toEqual([
      false,
      true,
    ]);
    const all = trayModel(state({ refreshingAll: true }));
    expect(action(all.menu, 'Atualizar todas as conexões').enabled).toBe(false);
    expect(trayModel(state({ connections: [connection({ id: 'c', institution: 'X', syncing: true })] })).icon).toBe(
      'syncing',
    );
  });

  it('asks for attention when a connection needs the user, and says how many', () => {
    const model = trayModel(
      state({
        connections: [
          connection({ id: 'a', institution: 'Pluggy Bank', status: 'WAITING_USER_INPUT' }),
          connection({ id: 'b', institution: 'Cartão Sandbox', status: 'LOGIN_ERROR' }),
        ],
        refreshing: new Set(['b']),
      }),
    );
    expect(model.icon).toBe('attention');
    expect(model.tooltip).toBe('Balancete — Última sincronização: 20/11/2026 10:05 — 2 conexões precisam de você');
    expect(labels(model.menu)).toEqual(
      expect.arrayContaining(['Pluggy Bank: aguardando seu código', 'Cartão Sandbox: precisa reconectar']),
    );
    const one = action(model.menu, 'Atualizar uma conexão');
    // A refused login needs new credentials, not a refresh.
    expect(one.kind === 'submenu' && one.items.map((item) => item.kind === 'action' && item.enabled)).toEqual([
      true,
      false,
    ]);
  });

  it('says the last attempt’s outcome: a partial update with what is missing, a failed sync, a question', () => {
    const model = trayModel(
      state({
        connections: [
          connection({
            id: 'a',
            institution: 'Pluggy Bank',
            executionStatus: 'PARTIAL_SUCCESS',
            partial: {
              products: [
                { product: 'transactions', warnings: ['Poupança indisponível'] },
                { product: 'investments', warnings: [] },
              ],
            },
          }),
          connection({
            id: 'b',
            institution: 'Cartão Sandbox',
            syncFailure: { errorCode: 'PLUGGY_SERVER', at: '2026-11-20T14:00:00.000Z' },
          }),
          connection({
            id: 'c',
            institution: 'Pluggy Bank',
            lastSyncedAt: null,
            accountCount: 0,
            duplicateOf: { connectionId: 'a', institution: 'Pluggy Bank', accounts: ['Pluggy Bank · Conta Corrente'] },
          }),
        ],
      }),
    );
    expect(labels(model.menu).slice(1)).toEqual([
      'Pluggy Bank: atualizada em parte (faltou: transações e investimentos)',
      'Cartão Sandbox: a última sincronização falhou',
      'Pluggy Bank: aguardando sua resposta',
    ]);
    // The question needs the user; nothing to refresh there until it is answered.
    expect(model.icon).toBe('attention');
    const one = action(model.menu, 'Atualizar uma conexão');
    expect(one.kind === 'submenu' && one.items.map((item) => item.kind === 'action' && item.enabled)).toEqual([
      true,
      true,
      false,
    ]);
    const partly = connection({
      id: 'a',
      institution: 'X',
      partial: { products: [{ product: 'creditCards', warnings: [] }] },
    });
    expect(labels(trayModel(state({ language: 'en', connections: [partly] })).menu)).toContain(
      'X: partly updated (missing: credit cards)',
    );
  });

  it('while paused: says so, offers resume, and refreshes nothing', () => {
    const model = trayModel(state({ paused: true }));
    expect(model.tooltip).toBe('Balancete — Sincronização pausada');
    expect(action(model.menu, 'Retomar sincronização automática').enabled).toBe(true);
    expect(action(model.menu, 'Atualizar todas as conexões').enabled).toBe(false);
    expect(action(model.menu, 'Atualizar uma conexão').enabled).toBe(false);
  });

  it('before any bank is linked', () => {
    const model = trayModel(state({ connections: [], lastSyncedAt: null }));
    expect(labels(model.menu)).toEqual(['Ainda não sincronizado', 'Nenhum banco conectado']);
    expect(action(model.menu, 'Atualizar todas as conexões').enabled).toBe(false);
    expect(model.icon).toBe('ok');
  });

  it('leaves out the other mode’s connections: they are not updated from here', () => {
    const model = trayModel(state({ connections: [bank, { ...card, mode: 'own', followed: false }] }));
    expect(labels(model.menu)).toEqual(['Última sincronização: 20/11/2026 10:05', 'Pluggy Bank: atualizada']);
    expect(trayModel(state({ connections: [{ ...bank, followed: false }] })).menu).toContainEqual({
      kind: 'label',
      label: 'Nenhum banco conectado',
    });
  });

  it('an Open Finance consent ending: its last day, and attention; once over: renew it', () => {
    const ending = connection({
      id: 'c',
      institution: 'Itaú',
      openFinance: true,
      // 02:00 UTC is still the 14th in São Paulo: the line says the bank's day.
      consent: { expiresAt: '2026-12-15T02:00:00.000Z', state: 'expiring', daysLeft: 9 },
    });
    const model = trayModel(state({ connections: [bank, ending] }));
    expect(labels(model.menu)).toContain('Itaú: o consentimento termina em 14/12/2026; renove em Conexões');
    expect(model.icon).toBe('attention');
    expect(model.tooltip).toBe('Balancete — Última sincronização: 20/11/2026 10:05 — 1 conexão precisa de você');

    const over = {
      ...ending,
      status: 'LOGIN_ERROR',
      consent: { expiresAt: '2026-12-15T02:00:00.000Z', state: 'expired' as const, daysLeft: 0 },
    };
    const stopped = trayModel(state({ connections: [bank, over], language: 'en' }));
    expect(labels(stopped.menu)).toContain('Itaú: the consent ended; renew it in Connections');
    const one = action(stopped.menu, 'Refresh one connection');
    // A refresh cannot bring it back: only a renewal can.
    expect(one.kind === 'submenu' && one.items.map((item) => item.kind === 'action' && item.enabled)).toEqual([
      true,
      false,
    ]);
  });
});
