import type { Language } from '../../shared/models.ts';

/**
 * Which links leave the app for the user's browser (design.md §6, issue 17): https only,
 * straight away for the hosts Balancete knows, after asking for any other, never for
 * anything else (file:, custom schemes, javascript:, plain http, user info in the URL).
 */
export type ExternalLinkVerdict = { action: 'open' } | { action: 'ask'; host: string } | { action: 'refuse' };

/** Domains whose pages open at once, subdomains included: Pluggy's (its widget links to them). */
const knownDomains = ['pluggy.ai', 'receita.fazenda.gov.br', 'receita.economia.gov.br'];
/** The Receita's pages on the federal portal: gov.br hosts every ministry, so only the Receita's part of it. */
const receitaOnGovBr = { host: 'www.gov.br', pathPrefix: '/receitafederal/' };

/**
 * The verdict for a link a page tried to open or navigate to. `oauthHosts` are the hosts
 * of the OAuth pages Pluggy handed over for the open Connect flow (oauth-flow.ts): a bank's
 * login, known because Pluggy named it, not because a page asked for it.
 */
export function externalLinkVerdict(raw: string, oauthHosts: ReadonlySet<string>): ExternalLinkVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { action: 'refuse' };
  }
  if (url.protocol !== 'https:' || url.username || url.password) return { action: 'refuse' };
  // URL has already lower-cased the host and turned look-alike letters into punycode (xn--…),
  // which is also what the question shows.
  const host = url.host;
  const known =
    url.port === '' &&
    (knownDomains.some((domain) => host === domain || host.endsWith(`.${domain}`)) ||
      (host === receitaOnGovBr.host && url.pathname.startsWith(receitaOnGovBr.pathPrefix)) ||
      oauthHosts.has(host));
  return known ? { action: 'open' } : { action: 'ask', host };
}

/**
 * The host of an OAuth page Pluggy hands over (an MFA parameter's `data`, a connector's
 * `oauthUrl`), or null when the text is not an https address (an MFA image's data, say).
 */
export function oauthPageHost(data: string | null | undefined): string | null {
  if (!data) return null;
  try {
    const url = new URL(data);
    return url.protocol === 'https:' && !url.username && !url.password && url.port === '' ? url.host : null;
  } catch {
    return null;
  }
}

const questionTexts: Record<Language, (host: string) => ExternalLinkQuestion> = {
  'pt-BR': (host) => ({
    message: `Abrir ${host} no navegador?`,
    detail: 'O Balancete não conhece este site. Abra somente se você esperava ir para lá.',
    open: 'Abrir no navegador',
    cancel: 'Cancelar',
  }),
  en: (host) => ({
    message: `Open ${host} in your browser?`,
    detail: 'Balancete does not know this site. Open it only if you expected to go there.',
    open: 'Open in browser',
    cancel: 'Cancel',
  }),
};

export interface ExternalLinkQuestion {
  message: string;
  detail: string;
  open: string;
  cancel: string;
}

/** The question main asks, naming the host, before opening a link to a site it does not know. */
export function externalLinkQuestion(host: string, language: Language): ExternalLinkQuestion {
  return questionTexts[language](host);
}
