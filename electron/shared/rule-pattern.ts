import { RE2JS, RE2JSSyntaxException } from 're2js';

/**
 * The patterns of regex rule conditions: the one place a user's pattern is compiled, for the
 * editor's checks, the store's and every run of the rules (preview, sync, apply).
 *
 * They run on RE2 (re2js, a pure-JS port), whose matching time grows linearly with the text:
 * no pattern backtracks, so none can freeze the app the way `(.|.)*#$` froze JavaScript's
 * engine. RE2's syntax is JavaScript's without lookarounds and backreferences, the two
 * features that cannot run in linear time. What linear time leaves is the size of the
 * compiled program, which a counted repetition multiplies (`.{0,999}` is 2,000
 * instructions): compiling it and running it over a near-miss both grow with it, so
 * patterns are capped at `maxPatternSize`, checked on the text before anything is compiled.
 */

/** Why a pattern cannot be used: a kind the editor says in the user's language (rule-form.ts). */
export const patternProblems = ['invalid', 'lookaround', 'backreference', 'tooComplex'] as const;
export type PatternProblem = (typeof patternProblems)[number];

/**
 * Instructions a pattern may compile to: over twice what a 200-character pattern of plain
 * text needs, room for counts such as `\d{14}` or `.{0,150}`. At this size a pattern
 * compiles in about a millisecond (so even a rule of twenty such patterns is checked on
 * main's thread without a stall) and tests a bank description in microseconds
 * (bench/regex-rules).
 */
export const maxPatternSize = 500;

/** Thrown by `compilePattern`: what is wrong, for the editor, and RE2's own words, for logs. */
export class PatternError extends Error {
  readonly problem: PatternProblem;

  constructor(problem: PatternProblem, message: string) {
    super(message);
    this.name = 'PatternError';
    this.problem = problem;
  }
}

/** A compiled pattern: whether it occurs anywhere in a text (already folded, see foldText). */
export interface RulePattern {
  test(text: string): boolean;
}

/**
 * Compiles a rule's pattern as the engine runs it, on texts folded to lower case without
 * accents (foldText): the pattern is folded alike. Throws PatternError.
 */
export function compilePattern(pattern: string): RulePattern {
  const size = patternSizeBound(pattern);
  if (size > maxPatternSize) {
    throw new PatternError('tooComplex', `The pattern may compile to ${size} instructions, over ${maxPatternSize}`);
  }
  try {
    return RE2JS.compile(lowerCase(stripAccents(pattern)));
  } catch (error) {
    if (!(error instanceof RE2JSSyntaxException)) throw error;
    throw new PatternError(syntaxProblem(error), error.message);
  }
}

/**
 * What keeps a pattern from being used, or null when it can. Remembered per pattern: the
 * editor asks on every render and the rules' list for every stored rule.
 */
export function patternProblem(pattern: string): PatternProblem | null {
  const known = checked.get(pattern);
  if (known !== undefined) return known;
  let problem: PatternProblem | null = null;
  try {
    compilePattern(pattern);
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    problem = error.problem;
  }
  if (checked.size >= checkedLimit) checked.clear();
  checked.set(pattern, problem);
  return problem;
}

const checked = new Map<string, PatternProblem | null>();
/** Patterns remembered before the memory starts over: far more than anyone's rules hold. */
const checkedLimit = 1000;

/**
 * What keeps its case when a pattern is lowered: escapes (\D, \W, \S, \B, \A and \p{Lu} mean
 * other things in lower case) and the syntax of groups such as (?P<name>…) or (?U); the
 * text of \Q…\E is lowered apart.
 */
const caseSensitive = /\\Q([\s\S]*?)(?:\\E|$)|\\[pP](?:\{[^}]*\}|.)|\\[\s\S]|\(\?(?:P?<[^>]*>|[a-zA-Z-]*[:)])/g;

/**
 * The pattern in lower case, as the texts it runs on are. The same match as RE2's case
 * folding on such texts, 3–6× faster: folding makes a class of every letter, which turns
 * off RE2's literal search. The classes of upper-case letters become those of lower-case
 * ones; an escape naming an upper-case character, such as \x{41}, never matches (the texts
 * hold none).
 */
function lowerCase(pattern: string): string {
  const lower = (text: string) =>
    text.toLowerCase().replaceAll(':upper:', ':lower:').replaceAll(':^upper:', ':^lower:');
  let lowered = '';
  let from = 0;
  for (const kept of pattern.matchAll(caseSensitive)) {
    lowered += lower(pattern.slice(from, kept.index));
    const quoted = kept[1];
    lowered += quoted === undefined ? kept[0].replace(/^(\\[pP]\{)Lu\}$/, '$1Ll}') : `\\Q${quoted.toLowerCase()}\\E`;
    from = kept.index + kept[0].length;
  }
  return lowered + lower(pattern.slice(from));
}

/** RE2's refusal in the editor's terms: the two JavaScript features it lacks have their own words. */
function syntaxProblem(error: RE2JSSyntaxException): PatternProblem {
  const where = error.getPattern() ?? '';
  if (/^\(\?(?:=|!|<=|<!)/.test(where)) return 'lookaround';
  if (/^\\(?:[1-9]|k)/.test(where)) return 'backreference';
  return 'invalid';
}

/**
 * An upper bound on the instructions RE2 compiles a pattern to, read off its text: every
 * atom (a character, a class, an escape) and `|` is one instruction or fewer, a group adds
 * two (its capture), `*`, `+` and `?` two at most (a branch, and a no-op around an empty
 * group), and a counted repetition `{n,m}` repeats what it applies to at most max(n, m)
 * times, each copy with those two. Patterns RE2 refuses may get any number: they never
 * compile. test/unit/rule-pattern.test.ts checks the bound against RE2's own count.
 */
export function patternSizeBound(pattern: string): number {
  /** The size of each open group's content before the group now being read. */
  const outer: number[] = [];
  /** The size of the current group's content so far, and of its last item (what a repetition repeats). */
  let size = 0;
  let last = 0;
  let index = 0;
  const atom = (length: number) => {
    size += 1;
    last = 1;
    index += length;
  };
  while (index < pattern.length) {
    const rest = pattern.slice(index);
    const char = rest[0];
    if (char === '\\') {
      if (rest[1] === 'Q') {
        // \Q…\E: literal text, a character each.
        const end = rest.indexOf('\\E');
        const literal = end < 0 ? rest.length - 2 : end - 2;
        size += literal;
        last = 1;
        index += end < 0 ? rest.length : end + 2;
        continue;
      }
      const braced = /^\\[pPx]\{[^}]*\}/.exec(rest);
      atom(braced ? braced[0].length : 2);
    } else if (char === '[') {
      atom(classLength(rest));
    } else if (/^\(\?[a-zA-Z-]*\)/.test(rest)) {
      // Flags such as (?i) set how what follows matches: no instruction, and no atom to repeat.
      index = pattern.indexOf(')', index) + 1;
    } else if (char === '(') {
      outer.push(size);
      size = 0;
      last = 0;
      index += 1;
    } else if (char === ')') {
      const group = size + 2;
      size = (outer.pop() ?? 0) + group;
      last = group;
      index += 1;
    } else if (char === '*' || char === '+' || char === '?') {
      size += 2;
      last += 2;
      index += 1;
    } else {
      const counted = /^\{(\d+)(,(\d*))?\}/.exec(rest);
      if (!counted) {
        atom(1);
        continue;
      }
      const min = Number(counted[1]);
      const copies = Math.max(1, min, counted[2] === undefined ? min : counted[3] ? Number(counted[3]) : min + 1);
      const grown = copies * (last + 2);
      size += grown - last;
      last = grown;
      index += counted[0].length;
    }
  }
  // Groups left open (RE2 refuses the pattern) close here; then the search's own few instructions.
  while (outer.length > 0) size = (outer.pop() ?? 0) + size + 2;
  return size + 4;
}

/** The length of the character class `[…]` that `text` starts with (to its end when unclosed). */
function classLength(text: string): number {
  // A ] right after [ or [^ is a member, not the end; [:alpha:] and escapes are members too.
  let index = text.startsWith('[^') ? 2 : 1;
  if (text[index] === ']') index += 1;
  while (index < text.length) {
    if (text[index] === '\\') index += 2;
    else if (text.startsWith('[:', index)) index = Math.max(text.indexOf(':]', index + 2) + 2, index + 1);
    else if (text[index] === ']') return index + 1;
    else index += 1;
  }
  return text.length;
}

/** Accents removed ("São" → "Sao"), as rules compare texts: the pattern's and the text's alike. */
export function stripAccents(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '');
}
