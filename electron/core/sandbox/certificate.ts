import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface SandboxCertificate {
  key: string;
  cert: string;
}

const validityDays = 3650;

/**
 * The sandbox's TLS certificate for 127.0.0.1/localhost: made at first use and kept in
 * `directory`, so the app can trust the same CA across restarts. Clients trust exactly
 * this certificate (it is its own CA), never a general "accept anything" switch.
 */
export async function loadOrCreateCertificate(directory: string): Promise<SandboxCertificate> {
  const keyPath = join(directory, 'sandbox-key.pem');
  const certPath = join(directory, 'sandbox-cert.pem');
  if (existsSync(keyPath) && existsSync(certPath)) {
    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
  }
  const notBeforeDate = new Date();
  const notAfterDate = new Date(notBeforeDate.getTime() + validityDays * 24 * 3600 * 1000);
  const pems = await generate([{ name: 'commonName', value: 'Balancete Pluggy sandbox' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  mkdirSync(directory, { recursive: true });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert);
  return { key: pems.private, cert: pems.cert };
}
