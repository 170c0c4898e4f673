import { app } from 'electron';
import { deepLinkScheme, type OAuthCallbackLink, parseDeepLink } from '../core/connect/deep-link.ts';
import type { Logger } from '../core/log.ts';

export interface DeepLinks {
  /**
   * Looks for a balancete:// link among a second instance's arguments (how Windows and
   * Linux hand one to the running app). True when there was one, valid or refused.
   */
  fromArgv(argv: readonly string[]): boolean;
}

/**
 * Makes the operating system hand balancete:// links to Balancete, and passes each valid
 * one to `open`: on macOS through 'open-url' (at launch too), on Windows and Linux as an
 * argument, of this process when a link starts the app, or of a second instance. Must run
 * before the app is ready, so that a link which starts the app is not missed.
 */
export function registerDeepLinks(open: (link: OAuthCallbackLink) => void, log: Logger): DeepLinks {
  // Started as `electron <app folder>` (npm start): the OS must start Electron with that folder.
  // Electronegativity asks for custom schemes to be reviewed: every link goes through
  // parseDeepLink (core/connect/deep-link.ts), which takes the OAuth callback and nothing else,
  // and main acts on that only with the open Connect flow's state (core/connect/oauth-flow.ts).
  const registered = process.defaultApp
    ? app.setAsDefaultProtocolClient(deepLinkScheme, process.execPath, [app.getAppPath()]) // eng-disable PROTOCOL_HANDLER_JS_CHECK
    : app.setAsDefaultProtocolClient(deepLinkScheme); // eng-disable PROTOCOL_HANDLER_JS_CHECK
  if (!registered) log.warn('deep-link.not-registered', { scheme: deepLinkScheme });

  const receive = (raw: string) => {
    const link = parseDeepLink(raw);
    // Not logged as it is: a refused link may carry anything.
    if (link) open(link);
    else log.warn('deep-link.refused', { length: raw.length });
  };
  const fromArgv = (argv: readonly string[]) => {
    const raw = argv.find((arg) => arg.toLowerCase().startsWith(`${deepLinkScheme}:`));
    if (raw !== undefined) receive(raw);
    return raw !== undefined;
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url);
  });
  fromArgv(process.argv);
  return { fromArgv };
}
