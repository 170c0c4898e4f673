/**
 * One way to name an account, on every screen and in every file (design.md §12): the
 * institution, the account's name and the end of its number ("Itaú · Conta Corrente ·· 2345-0",
 * "Nubank · Mastercard ·· 1234"), or the nickname the user gave it. A short form for tight
 * spaces ("Itaú ·· 2345-0"), with the full one on hover. Names are made for the whole set
 * of accounts at once, so that two accounts never share one: where institution, name and
 * number are all alike (the same bank linked twice), the later ones are numbered.
 */

export interface NamedAccount {
  id: string;
  institution: string;
  name: string;
  /** Masked account or card number as the bank shows it ("0001/12345-0", "4242"). */
  number: string | null;
  nickname: string | null;
}

export interface AccountNames {
  full: string;
  short: string;
}

/** The last digits of an account or card number, with its check digit: "0001/12345-0" → "2345-0". */
export function accountNumberEnd(number: string | null): string | null {
  const account = number?.split('/').pop()?.trim();
  if (!account) return null;
  const [digits = '', check] = account.split('-');
  const end = digits.replace(/\s+/g, '').slice(-4);
  if (!end) return null;
  return check ? `${end}-${check}` : end;
}

/** The account's own names, before the set makes them unique. */
function ownNames(account: NamedAccount): AccountNames {
  const nickname = account.nickname?.trim();
  if (nickname) return { full: nickname, short: nickname };
  const end = accountNumberEnd(account.number);
  return end
    ? { full: `${account.institution} · ${account.name} ·· ${end}`, short: `${account.institution} ·· ${end}` }
    : { full: `${account.institution} · ${account.name}`, short: `${account.institution} · ${account.name}` };
}

/**
 * Every account's names, unique within the set: a name two accounts would share gets
 * " (2)", " (3)"… on the later ones, in the order given (list the oldest connections first,
 * so that names stay put as banks are added), skipping any a nickname already took.
 */
export function accountNames(accounts: readonly NamedAccount[]): Map<string, AccountNames> {
  const taken = { full: new Set<string>(), short: new Set<string>() };
  const unique = (kind: keyof AccountNames, name: string) => {
    let candidate = name;
    for (let number = 2; taken[kind].has(candidate); number += 1) candidate = `${name} (${number})`;
    taken[kind].add(candidate);
    return candidate;
  };
  return new Map(
    accounts.map((account) => {
      const own = ownNames(account);
      return [account.id, { full: unique('full', own.full), short: unique('short', own.short) }];
    }),
  );
}
