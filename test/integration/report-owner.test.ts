/**
 * Whose books the PDF report is (issue 8): the account holder sync reads from Pluggy's
 * identity (the real sandbox over HTTPS), the name and CPF/CNPJ set in Settings, and
 * the rule between them.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountHolders } from '../../db/schema.ts';
import { forgetConnection } from '../../electron/core/books/removed-connections.ts';
import { reportOwner } from '../../electron/core/reports/report-owner.ts';
import { readSettings, updateSettings } from '../../electron/core/settings/settings-store.ts';
import { SettingsPatch } from '../../electron/shared/models.ts';
import { syncSession } from '../support/sync-session.ts';

const session = syncSession();
const holderRow = () =>
  session.database.db.select().from(accountHolders).where(eq(accountHolders.connectionId, session.itemId)).get();

describe('the account holder', () => {
  it("is read with the bank's data at sync: the sandbox's John Doe and his CPF, digits only", async () => {
    await session.sync.syncItem(session.itemId, 'connect');
    expect(holderRow()).toMatchObject({ name: 'John Doe', document: '76109277673', documentType: 'CPF' });
    expect(reportOwner(session.database.db)).toMatchObject({
      source: 'bank',
      name: 'John Doe',
      document: '76109277673',
      documentType: 'CPF',
      bankHolders: [{ connectionName: 'Pluggy Bank', name: 'John Doe', document: '76109277673' }],
    });
  });

  it('is read again after a week, not at every sync', async () => {
    await session.sync.syncItem(session.itemId, 'connect');
    session.database.db.update(accountHolders).set({ name: 'Held Name' }).run();
    await session.nextDay();
    expect(holderRow()?.name).toBe('Held Name');
    session.clock.advance(7 * 24 * 3600 * 1000);
    await session.sync.syncItem(session.itemId, 'manual');
    expect(holderRow()?.name).toBe('John Doe');
  });

  it('never fails a sync when the bank will not say (identity refused): the sync succeeds and it is logged', async () => {
    session.sandbox.sandbox.control.faults.add({ kind: 'server-error', status: 403, path: '/identity' });
    const counts = await session.sync.syncItem(session.itemId, 'connect');
    expect(counts.created).toBeGreaterThan(0);
    expect(holderRow()).toBeUndefined();
    expect(session.logged.some((each) => each.event === 'sync.identity-failed')).toBe(true);
    expect(reportOwner(session.database.db)).toMatchObject({ source: 'none', name: null, document: null });
  });

  it("leaves the report with the connection: a removed connection's holder is not offered", async () => {
    await session.sync.syncItem(session.itemId, 'connect');
    forgetConnection(session.database.db, session.itemId, true, new Date());
    expect(reportOwner(session.database.db)).toMatchObject({ source: 'none', bankHolders: [] });
    forgetConnection(session.database.db, session.itemId, false, new Date());
    expect(holderRow()).toBeUndefined();
  });
});

describe("the user's own holder, from Settings", () => {
  it("wins over the bank's, name and number together, kept as digits", async () => {
    await session.sync.syncItem(session.itemId, 'connect');
    updateSettings(session.database.db, SettingsPatch.parse({ reportOwnerDocument: '45.997.418/0001-53' }));
    expect(readSettings(session.database.db).reportOwnerDocument).toBe('45997418000153');
    // Only the number set: the bank's name is not put beside it (it may be another person's).
    expect(reportOwner(session.database.db)).toMatchObject({
      source: 'settings',
      name: null,
      document: '45997418000153',
      documentType: 'CNPJ',
    });
    updateSettings(session.database.db, { reportOwnerName: 'Estúdio Mosaico Design Ltda' });
    expect(reportOwner(session.database.db)).toMatchObject({
      source: 'settings',
      name: 'Estúdio Mosaico Design Ltda',
      bankHolders: [{ name: 'John Doe' }],
    });
    updateSettings(session.database.db, { reportOwnerName: null, reportOwnerDocument: null });
    expect(reportOwner(session.database.db)).toMatchObject({ source: 'bank', name: 'John Doe' });
  });

  it('refuses a number whose check digits are wrong, and a stored bad one reads as unset', () => {
    expect(SettingsPatch.safeParse({ reportOwnerDocument: '761.092.776-74' }).success).toBe(false);
    expect(SettingsPatch.safeParse({ reportOwnerDocument: '11.222.333/0001-82' }).success).toBe(false);
    expect(SettingsPatch.safeParse({ reportOwnerName: '   ' }).success).toBe(false);
    session.database.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('reportOwnerDocument', json(?), ?)")
      .run(JSON.stringify('12345678900'), new Date().toISOString());
    expect(readSettings(session.database.db).reportOwnerDocument).toBeNull();
  });
});
