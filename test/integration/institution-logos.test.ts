import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { institutionLogos } from '../../db/schema.ts';
import { silentLogger } from '../../electron/core/log.ts';
import { PluggyClient } from '../../electron/core/pluggy/client.ts';
import { loadOrCreateCertificate } from '../../electron/core/sandbox/certificate.ts';
import { InstitutionLogos } from '../../electron/core/sync/institution-logos.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';

/** An image host over real HTTPS (the sandbox's certificate), counting what it is asked for. */
let host: Server;
let origin: string;
let ca: string;
const asked: string[] = [];
let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let client: PluggyClient;
let logos: InstitutionLogos;

beforeAll(async () => {
  temp = makeTempDir('balancete-logos-');
  const certificate = await loadOrCreateCertificate(temp.path);
  ca = certificate.cert;
  host = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    asked.push(request.url ?? '');
    if (request.url === '/bank.svg') response.writeHead(200, { 'content-type': 'image/svg+xml' }).end(svg);
    else if (request.url === '/page.html') response.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
    else if (request.url === '/huge.png')
      response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(300 * 1024));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
  temp.remove();
});
beforeEach(() => {
  asked.length = 0;
  database = openDatabase(join(temp.path, `${String(Math.random()).slice(2)}.sqlite`));
  client = new PluggyClient({ baseUrl: origin, sandboxCa: ca, clientId: 'x', clientSecret: 'y', logger: silentLogger });
  logos = new InstitutionLogos(database.db, silentLogger);
});
afterEach(async () => {
  await client.close();
  database.close();
});

describe("institutions' logos", () => {
  it('are fetched once over HTTPS and kept as data: URIs, for the screens to show offline', async () => {
    await logos.ensure(client, 201, `${origin}/bank.svg`);
    expect(logos.dataUri(201)).toBe(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
    await logos.ensure(client, 201, `${origin}/bank.svg`);
    expect(asked).toEqual(['/bank.svg']);
    // A fresh start does not fetch again either: it is in the database.
    await new InstitutionLogos(database.db, silentLogger).ensure(client, 201, `${origin}/bank.svg`);
    expect(asked).toEqual(['/bank.svg']);
  });

  it('are refused when not an image, too large, missing or not over HTTPS, and tried once per run', async () => {
    for (const [id, url] of [
      [1, `${origin}/page.html`],
      [2, `${origin}/huge.png`],
      [3, `${origin}/missing.svg`],
      [4, `http://127.0.0.1:1/bank.svg`],
    ] as const) {
      await logos.ensure(client, id, url);
      await logos.ensure(client, id, url);
      expect(logos.dataUri(id)).toBeNull();
    }
    expect(asked).toEqual(['/page.html', '/huge.png', '/missing.svg']);
    expect(database.db.select().from(institutionLogos).all()).toEqual([]);
  });

  it('a host whose certificate is not trusted gets nothing', async () => {
    const stranger = new PluggyClient({ baseUrl: origin, clientId: 'x', clientSecret: 'y', logger: silentLogger });
    try {
      await logos.ensure(stranger, 7, `${origin}/bank.svg`);
      expect(logos.dataUri(7)).toBeNull();
      expect(asked).toEqual([]);
    } finally {
      await stranger.close();
    }
  });
});
