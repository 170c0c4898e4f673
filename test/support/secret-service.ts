/**
 * Vitest global set-up: a private D-Bus session with GNOME Keyring's Secret Service,
 * unlocked, for the keychain tests (design.md §11). Test workers inherit its address,
 * so keytar talks to this keyring and never to the developer's own. Nothing is skipped:
 * without dbus-daemon and gnome-keyring-daemon the suite fails and says what to install.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from './temp-dir.ts';

const missing =
  'The keychain tests need a D-Bus session bus and GNOME Keyring: apt-get install dbus gnome-keyring (see README, Tests).';

export default async function startSecretService(): Promise<() => Promise<void>> {
  const { env, stop } = await startPrivateSecretService();
  Object.assign(process.env, env);
  return () => {
    stop();
    return Promise.resolve();
  };
}

/**
 * A D-Bus session of its own with GNOME Keyring's Secret Service, unlocked: `env` is what a
 * process needs to use it (keytar connects once per process: a child process, then).
 */
export async function startPrivateSecretService(): Promise<{
  env: { DBUS_SESSION_BUS_ADDRESS: string; XDG_DATA_HOME: string; XDG_RUNTIME_DIR: string };
  stop: () => void;
}> {
  const temp = makeTempDir('balancete-keyring-');
  const runtime = join(temp.path, 'run');
  const data = join(temp.path, 'data');
  mkdirSync(runtime, { mode: 0o700 });
  mkdirSync(data);
  const children: ChildProcess[] = [];
  let address: string;
  try {
    // stderr ignored: dbus-daemon complains it may not raise its file limit, which does not matter here.
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(bus);
    address = await firstLine(bus);
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: data, XDG_RUNTIME_DIR: runtime };
    const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    children.push(keyring);
    keyring.stdin.end('balancete-test-keyring');
    await waitForSecretService(env);
  } catch (error) {
    stop(children);
    temp.remove();
    throw new Error(`${missing} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return {
    env: { DBUS_SESSION_BUS_ADDRESS: address, XDG_DATA_HOME: data, XDG_RUNTIME_DIR: runtime },
    stop: () => {
      stop(children);
      temp.remove();
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('dbus-daemon did not start')), 10_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n')[0];
      if (output.includes('\n') && line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
  });
}

/** Until the keyring owns org.freedesktop.secrets on the bus. */
async function waitForSecretService(env: NodeJS.ProcessEnv): Promise<void> {
  const run = promisify(execFile);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { stdout } = await run(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { env },
    );
    if (stdout.includes('boolean true')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('gnome-keyring-daemon did not provide the Secret Service');
}

function stop(children: ChildProcess[]): void {
  for (const child of children.reverse()) child.kill();
}
