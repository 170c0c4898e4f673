import { describe, expect, it } from 'vitest';
import {
  externalLinkQuestion,
  externalLinkVerdict,
  oauthPageHost,
} from '../../electron/core/connect/external-links.ts';

const none = new Set<string>();

describe('links leaving for the browser', () => {
  it.each([
    'https://pluggy.ai/',
    'https://www.pluggy.ai/privacidade',
    'https://connect.pluggy.ai/?x=1',
    'https://docs.pluggy.ai/docs/oauth-support',
    'https://PLUGGY.AI/termos',
    'https://www.gov.br/receitafederal/pt-br/assuntos/meu-imposto-de-renda',
    'https://receita.fazenda.gov.br/',
    'https://cav.receita.fazenda.gov.br/autenticacao/login',
    'https://sicalc.receita.economia.gov.br/sicalc/principal',
  ])('open at once: %s', (url) => {
    expect(externalLinkVerdict(url, none)).toEqual({ action: 'open' });
  });

  it.each([
    ['a site the app does not know', 'https://example.com/', 'example.com'],
    ['a look-alike ending', 'https://evilpluggy.ai/', 'evilpluggy.ai'],
    ['a look-alike subdomain', 'https://pluggy.ai.evil.example/', 'pluggy.ai.evil.example'],
    ['gov.br outside the Receita', 'https://www.gov.br/saude/', 'www.gov.br'],
    ['a path that only starts like the Receita', 'https://www.gov.br/receitafederalfake/', 'www.gov.br'],
    ['another gov.br host', 'https://receitafederal.gov.br.evil.example/', 'receitafederal.gov.br.evil.example'],
    ['a known host on another port', 'https://pluggy.ai:8443/', 'pluggy.ai:8443'],
    ['letters that look alike, named as punycode', 'https://plυggy.ai/', 'xn--plggy-tde.ai'],
  ])('asked about first: %s', (_what, url, host) => {
    expect(externalLinkVerdict(url, none)).toEqual({ action: 'ask', host });
  });

  it.each([
    ['plain http', 'http://pluggy.ai/'],
    ['a file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['our own scheme', 'balancete://oauth-callback'],
    ['a custom scheme', 'ms-settings:'],
    ['user info, which can disguise the host', 'https://pluggy.ai@evil.example/'],
    ['not a URL', 'pluggy.ai'],
  ])('never opened: %s', (_what, url) => {
    expect(externalLinkVerdict(url, none)).toEqual({ action: 'refuse' });
  });

  it('opens an OAuth page’s host Pluggy named for the flow, and only that host', () => {
    const oauthHosts = new Set(['auth.banco.example']);
    expect(externalLinkVerdict('https://auth.banco.example/authorize?state=1', oauthHosts)).toEqual({ action: 'open' });
    expect(externalLinkVerdict('https://sub.auth.banco.example/', oauthHosts)).toEqual({
      action: 'ask',
      host: 'sub.auth.banco.example',
    });
    expect(externalLinkVerdict('http://auth.banco.example/', oauthHosts)).toEqual({ action: 'refuse' });
  });

  it('takes an OAuth page’s host only from an https address', () => {
    expect(oauthPageHost('https://Auth.Banco.example/authorize')).toBe('auth.banco.example');
    for (const data of ['http://auth.banco.example/', 'iVBORw0KGgo=', '', null, undefined, 'https://u:p@x.example/']) {
      expect(oauthPageHost(data), String(data)).toBeNull();
    }
  });

  it('asks naming the host, in the user’s language', () => {
    expect(externalLinkQuestion('example.com', 'pt-BR')).toMatchObject({
      message: 'Abrir example.com no navegador?',
      open: 'Abrir no navegador',
      cancel: 'Cancelar',
    });
    expect(externalLinkQuestion('example.com', 'en')).toMatchObject({
      message: 'Open example.com in your browser?',
      open: 'Open in browser',
    });
  });
});
