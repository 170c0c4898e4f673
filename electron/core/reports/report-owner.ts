import { desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { accountHolders, connections } from '../../../db/schema.ts';
import type { ReportHolder, ReportOwner } from '../../shared/reports.ts';
import { taxIdKind } from '../../shared/tax-id.ts';
import { readSettings } from '../settings/settings-store.ts';

/**
 * Whose books the PDF report is. The user's own name and CPF/CNPJ win, and together: a
 * name from Settings never goes out beside a bank's document, which may be another
 * person's. Else the holder the most recently read bank reported (with a name), among
 * the connections still linked.
 */
export function reportOwner(db: Db): ReportOwner {
  const settings = readSettings(db);
  const bankHolders = db
    .select({
      connectionName: connections.connectorName,
      name: accountHolders.name,
      document: accountHolders.document,
    })
    .from(accountHolders)
    .innerJoin(connections, eq(connections.id, accountHolders.connectionId))
    .where(isNull(connections.removedAt))
    .orderBy(desc(accountHolders.fetchedAt))
    .all()
    .filter((holder) => holder.name !== null || holder.document !== null)
    .map((holder) => ({ ...holder, ...withKind(holder.document) }));
  if (settings.reportOwnerName !== null || settings.reportOwnerDocument !== null) {
    return {
      name: settings.reportOwnerName,
      ...withKind(settings.reportOwnerDocument),
      source: 'settings',
      bankHolders,
    };
  }
  const bank = bankHolders.find((holder) => holder.name !== null);
  if (!bank) return { name: null, document: null, documentType: null, source: 'none', bankHolders };
  return { name: bank.name, document: bank.document, documentType: bank.documentType, source: 'bank', bankHolders };
}

function withKind(document: string | null): Pick<ReportHolder, 'document' | 'documentType'> {
  const kind = document ? taxIdKind(document) : null;
  return { document: kind ? document : null, documentType: kind };
}
