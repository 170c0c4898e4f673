import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { institutionLogos } from '../../../db/schema.ts';
import type { Logger } from '../log.ts';
import type { PluggyClient } from '../pluggy/client.ts';

/**
 * Institutions' logos, kept in the database as data: URIs: fetched once per connector
 * (again only if Pluggy points to another image), so the screens show them offline and
 * no window ever loads an image from the web (their CSP allows none). A logo that cannot
 * be fetched is not retried until the app starts again; the screens show the
 * institution's initial on its colour meanwhile.
 */
export class InstitutionLogos {
  private readonly db: Db;
  private readonly logger: Logger;
  private readonly tried = new Set<string>();

  constructor(db: Db, logger: Logger) {
    this.db = db;
    this.logger = logger;
  }

  async ensure(client: PluggyClient, connectorId: number, imageUrl: string | null, now = new Date()): Promise<void> {
    if (!imageUrl || this.tried.has(imageUrl)) return;
    const kept = this.db
      .select({ imageUrl: institutionLogos.imageUrl })
      .from(institutionLogos)
      .where(eq(institutionLogos.connectorId, connectorId))
      .get();
    if (kept?.imageUrl === imageUrl) return;
    this.tried.add(imageUrl);
    try {
      const dataUri = await client.imageAsDataUri(imageUrl);
      const row = { connectorId, imageUrl, dataUri, fetchedAt: now.toISOString() };
      this.db
        .insert(institutionLogos)
        .values(row)
        .onConflictDoUpdate({ target: institutionLogos.connectorId, set: row })
        .run();
    } catch (error) {
      this.logger.info('logos.fetch-failed', { connectorId, error });
    }
  }

  dataUri(connectorId: number): string | null {
    return (
      this.db
        .select({ dataUri: institutionLogos.dataUri })
        .from(institutionLogos)
        .where(eq(institutionLogos.connectorId, connectorId))
        .get()?.dataUri ?? null
    );
  }
}
