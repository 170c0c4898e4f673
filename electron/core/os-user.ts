import { userInfo } from 'node:os';

/**
 * The operating system's name for the person using the app, recorded as who finished a
 * reconciliation. Some systems have no entry for the running user (containers, odd
 * sandboxes): then the environment's USER, or "?" rather than a failed finish.
 */
export function operatingSystemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '?';
  }
}
