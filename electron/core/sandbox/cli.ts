/**
 * `npm run sandbox [-- --port 8443 --seed 1 --step-ms 1500 --transactions 1200 --dir .sandbox]`:
 * the Pluggy sandbox on its own, for trying the API by hand or pointing other clients
 * (curl, pluggy-sdk with PLUGGY_API_URL) at it. Run directly by Node 24.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'step-ms': { type: 'string', default: '1500' },
    transactions: { type: 'string', default: '1200' },
    dir: { type: 'string', default: '.sandbox' },
  },
});

const number = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number, not ${values[name]}`);
    process.exit(2);
  }
  return value;
};

const directory = resolve(values.dir);
const sandbox = await startSandbox({
  port: number('port'),
  seed: number('seed'),
  stepMs: number('step-ms'),
  transactionsPerItem: number('transactions'),
  certificateDir: directory,
  statePath: join(directory, 'sandbox-state.json'),
});
const caPath = join(directory, 'sandbox-cert.pem');

console.log(`Pluggy sandbox listening on ${sandbox.url}

  client id       ${sandbox.credentials.clientId}
  client secret   ${sandbox.credentials.clientSecret}
  certificate     ${caPath}
  sandbox bank    connector 0 (Pluggy Bank), 2 (one MFA step), 5 (two MFA steps):
                  user "user-ok", password "password-ok", MFA token 123456

Try it:
  curl --cacert ${caPath} -X POST ${sandbox.url}/auth -H 'Content-Type: application/json' \\
    -d '{"clientId":"${sandbox.credentials.clientId}","clientSecret":"${sandbox.credentials.clientSecret}"}'

Ctrl+C stops it; items are kept in ${join(directory, 'sandbox-state.json')}.`);

const stop = () => {
  void sandbox.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
