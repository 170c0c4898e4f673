/**
 * Issue 17's patterns and their kin: each backtracks for minutes in JavaScript's engine on a
 * near-miss such as regex-rules.bench.ts's `nearMiss`. The last is the largest the editor accepts (see
 * maxPatternSize): what linear time leaves to cost is the size of the program.
 */
export const patterns = [
  '(.|.)*#$',
  '.*.*.*.*.*.*.*.*=',
  '(a+)+$',
  '^(\\w+\\s?)*#$',
  '(x+x+)+y',
  '(a|aa)*b',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '.{0,150}#$',
];
