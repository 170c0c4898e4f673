import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import {
  compilePattern,
  maxPatternSize,
  PatternError,
  patternProblem,
  patternSizeBound,
} from '../../electron/shared/rule-pattern.ts';
import { foldText } from '../../electron/shared/rules.ts';

/** Patterns that backtrack for minutes in JavaScript's engine on a near-miss (issue 17). */
const catastrophic = ['(.|.)*#$', '.*.*.*.*.*.*.*.*=', '(a+)+$', '(a|aa)*b', '^(\\w+\\s?)*$', '(x+x+)+y', '^(a|a?)+$'];

describe('rule patterns', () => {
  it('match as the rules compare: anywhere in the text, case and accents ignored', () => {
    const test = (pattern: string, text: string) => compilePattern(pattern).test(foldText(text));
    expect(test('SÃO\\s+JOÃO', 'Padaria São João')).toBe(true);
    expect(test('^pix recebido .* ltda \\d{4}$', 'PIX RECEBIDO ACME LTDA 0423')).toBe(true);
    expect(test('^padaria', 'PIX Padaria')).toBe(false);
    expect(test('\\b(posto|shell|ipiranga)\\b', 'AUTO POSTO SHELL 24H')).toBe(true);
    expect(test('\\d{2}\\.\\d{3}\\.\\d{3}/\\d{4}-\\d{2}', 'CNPJ 12.345.678/0001-99')).toBe(true);
  });

  it('run the patterns that freeze a backtracking engine, on a long near-miss, to the right answer', () => {
    // Each of these runs for minutes in RegExp on this text: finishing at all is the point.
    const nearMiss = foldText(`${'a'.repeat(790)}!`);
    for (const pattern of catastrophic) {
      expect(patternProblem(pattern), pattern).toBeNull();
      expect(compilePattern(pattern).test(nearMiss), pattern).toBe(false);
    }
    expect(compilePattern('(a+)+!$').test(nearMiss)).toBe(true);
  });

  it('name what RE2 cannot run: lookarounds, backreferences, broken syntax, large counts', () => {
    expect(patternProblem('uber(?= do brasil)')).toBe('lookaround');
    expect(patternProblem('uber(?!eats)')).toBe('lookaround');
    expect(patternProblem('(?<=pix )uber')).toBe('lookaround');
    expect(patternProblem('(?<!pix )uber')).toBe('lookaround');
    expect(patternProblem('(a)\\1')).toBe('backreference');
    expect(patternProblem('(?<n>a)\\k<n>')).toBe('backreference');
    expect(patternProblem('[unclosed')).toBe('invalid');
    expect(patternProblem('(unclosed')).toBe('invalid');
    expect(patternProblem('a**')).toBe('invalid');
    expect(patternProblem('.{0,999}x')).toBe('tooComplex');
    expect(patternProblem('(a{100}){100}')).toBe('tooComplex');
    expect(patternProblem('.{0,99}'.repeat(20))).toBe('tooComplex');
    expect(() => compilePattern('ab(?=c)')).toThrow(PatternError);
    expect(() => compilePattern('ab(?=c)')).toThrow(expect.objectContaining({ problem: 'lookaround' }));
  });

  it('take what bank descriptions need, up to the longest pattern a condition holds', () => {
    for (const pattern of [
      '^das\\b',
      'transf(erencia)? entre contas',
      '\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}',
      '.{0,150}x',
      '[[:alpha:]]+ ltda',
      '\\Quber*\\E',
      '(?i)caf[eé]',
      Array.from({ length: 40 }, (_, index) => `w${index}`)
        .join('|')
        .slice(0, 200),
    ]) {
      expect(patternProblem(pattern), pattern).toBeNull();
    }
  });

  it('bound a pattern’s compiled size from above, for every pattern RE2 compiles', () => {
    const piece = fc.constantFrom(
      'a',
      'é',
      '.',
      '\\d',
      '\\pL',
      '\\p{Greek}',
      '\\x{41}',
      '[a-z]',
      '[^]x]',
      '[[:alpha:]]',
      '\\Qa.b\\E',
      '(',
      '(?:',
      '(?i)',
      ')',
      '|',
      '*',
      '+',
      '?',
      '*?',
      '{3}',
      '{0,7}',
      '{2,}',
      '{12,30}',
      '^',
      '$',
      '\\b',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const pattern = pieces.join('');
        let compiled: RE2JS;
        try {
          compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
        } catch {
          return; // RE2 refuses it: it never runs, whatever its bound.
        }
        expect(compiled.programSize()).toBeLessThanOrEqual(patternSizeBound(pattern));
      }),
      { numRuns: 3000 },
    );
  });

  it('match what RE2’s own case folding matches, on folded texts', () => {
    const piece = fc.constantFrom(
      'a',
      'B',
      'É',
      'ç',
      '.',
      '-',
      '[A-Z]',
      '[^a-c]',
      '[[:upper:]]',
      '[[:^upper:]x]',
      '\\p{Lu}',
      '\\P{Lu}',
      '\\D',
      '\\W',
      '\\S',
      '\\s',
      '\\b',
      '\\B',
      '\\pL',
      '\\PL',
      '\\QA.b\\E',
      '(?i)',
      '(?P<Name>',
      '(?:',
      '(',
      ')',
      '|',
      '*',
      '+',
      '?',
      '{2}',
      '^',
      '$',
    );
    const text = fc.string({
      unit: fc.constantFrom('a', 'A', 'b', 'B', 'é', 'É', 'Ç', ' ', '.', '-', '1'),
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }),
        fc.array(text, { minLength: 1, maxLength: 5 }),
        (pieces, texts) => {
          const pattern = pieces.join('');
          let folding: RE2JS;
          try {
            folding = RE2JS.compile(pattern.normalize('NFD').replace(/\p{M}/gu, ''), RE2JS.CASE_INSENSITIVE);
          } catch {
            expect(patternProblem(pattern)).not.toBeNull();
            return;
          }
          const compiled = compilePattern(pattern);
          for (const folded of texts.map(foldText))
            expect(compiled.test(folded), `${pattern} on ${folded}`).toBe(folding.test(folded));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuse a pattern over the size cap before compiling it', () => {
    // 25 copies of .{0,999} compile to 50,000 instructions (a fifth of a second); the bound sees it at once.
    const huge = '.{0,999}'.repeat(25);
    expect(patternSizeBound(huge)).toBeGreaterThan(maxPatternSize);
    expect(patternProblem(huge)).toBe('tooComplex');
  });
});
