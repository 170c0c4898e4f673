import { StatementError } from './statement-errors.ts';

/**
 * OFX's body as a tree, for both OFX 1.x (SGML) and OFX 2.x (XML).
 *
 * Why our own reader and not a package: OFX 1.0.2 is SGML whose DTD makes the end tags of
 * leaf elements optional, so banks write `<TRNAMT>-12.50` with no `</TRNAMT>`, sometimes
 * closed and unclosed in the same file, and empty elements such as a bare `<MEMO>` line.
 * Checked (2026-12): `ofx-js` 1.1.1 turns SGML into XML with regular expressions — it fails
 * on an empty `<MEMO>` ("Missing closing tag") and one of its expressions backtracks
 * exponentially on a long tag name (a 33-letter tag took minutes); `ofx-data-extractor`
 * 1.5.0 (minified only) rewrites the file into JSON text and fails on the same empty
 * element, and normalises values lossily; `node-ofx-parser` (fast-xml-parser 3) and
 * `ofx`/`banking` (xml2js/xml2json) are unmaintained. XML parsers (fast-xml-parser) need
 * the end tags SGML leaves out. The OFX DTD rule is small enough to apply directly:
 *
 * - a start tag followed by text is a leaf element holding that text, ended by the next tag
 *   (its own end tag, if present, is consumed);
 * - a start tag followed by another tag opens an aggregate, which its end tag closes;
 * - an element left open when an enclosing end tag arrives had no text: it was an empty leaf,
 *   and the elements after it are its siblings, not its children;
 * - the aggregates a statement is made of (below) must be closed: a file that ends inside
 *   one was cut short, and is refused rather than half read.
 *
 * OFX 2.x XML is a special case of the same (every element closed), so one reader serves
 * both. Each node keeps the line of its start tag for error messages.
 */
export interface OfxNode {
  name: string;
  /** 1-based line of the start tag in the whole text. */
  line: number;
  /** A leaf's text (entity references resolved, not trimmed); undefined for an aggregate. */
  value?: string;
  children: OfxNode[];
}

/** Aggregates that must be closed: leaving one open means the file is truncated or broken. */
const requiredClosed = new Set([
  'OFX',
  'SIGNONMSGSRSV1',
  'SONRS',
  'BANKMSGSRSV1',
  'STMTTRNRS',
  'STMTRS',
  'BANKACCTFROM',
  'BANKTRANLIST',
  'STMTTRN',
  'LEDGERBAL',
  'CREDITCARDMSGSRSV1',
  'CCSTMTTRNRS',
  'CCSTMTRS',
  'CCACCTFROM',
]);

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Tags (`<NAME>`, `</NAME>`, `<NAME/>`), and what is skipped: comments, processing instructions, declarations; CDATA is text. */
const markup = /<(\/?)([A-Za-z][\w.:-]*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>/g;

function truncated(node: OfxNode): StatementError {
  return new StatementError('STATEMENT_UNREADABLE', `<${node.name}> is never closed: the file is cut short or broken`, {
    line: node.line,
    value: `<${node.name}>`,
  });
}

/**
 * The tree under the first `<OFX>` of the text (`from` is where that tag starts). Lines
 * count from the start of `text`, headers included. One pass, no token list: a file of
 * 100k transactions is read in well under a second.
 */
export function ofxTree(text: string, from: number): OfxNode {
  const root: OfxNode = { name: '', line: 1, children: [] };
  const stack: OfxNode[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  /** A start tag just read: a leaf if text follows, an aggregate if a tag does. */
  let pending = null as OfxNode | null; // (set inside readText too: no narrowing)
  /** A leaf whose text was just read: its end tag, if it comes next, is consumed. */
  let leaf = null as OfxNode | null;

  let line = 1;
  let counted = 0;
  const lineAt = (index: number) => {
    for (let at = text.indexOf('\n', counted); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
    counted = index;
    return line;
  };

  /** Ends an element its own end tag did not close: an empty leaf, whose "children" are its siblings. */
  const implicitlyClose = (node: OfxNode) => {
    if (requiredClosed.has(node.name)) throw truncated(node);
    const siblings = node.children;
    node.children = [];
    node.value = '';
    top().children.push(...siblings);
  };
  const textOf = (raw: string) => (raw.includes('&') ? decodeEntities(raw) : raw);
  const readText = (raw: string) => {
    if (pending && /\S/.test(raw)) {
      pending.value = textOf(raw);
      leaf = pending;
      pending = null;
    }
  };

  markup.lastIndex = from;
  let textStart = from;
  for (let match = markup.exec(text); match; match = markup.exec(text)) {
    if (match.index > textStart && pending) readText(text.slice(textStart, match.index));
    textStart = markup.lastIndex;
    const [, slash, tag, selfClosing, cdata] = match;
    if (cdata !== undefined) {
      readText(cdata);
      continue;
    }
    if (tag === undefined) continue;
    const name = tag.toUpperCase();
    const justEnded = leaf;
    leaf = null;
    if (slash) {
      if (justEnded?.name === name) continue;
      if (pending) {
        const element: OfxNode = pending;
        pending = null;
        if (element.name === name) {
          element.value = '';
          continue;
        }
        stack.push(element);
      }
      // Close up to the element the end tag names; a stray one (a leaf's, already ended) is ignored.
      const at = stack.findLastIndex((node) => node.name === name);
      if (at <= 0) continue;
      while (stack.length - 1 > at) {
        const node = stack.pop();
        if (node) implicitlyClose(node);
      }
      stack.pop();
      continue;
    }
    if (pending) stack.push(pending);
    const node: OfxNode = { name, line: lineAt(match.index), children: [] };
    top().children.push(node);
    pending = null;
    if (selfClosing) node.value = '';
    else pending = node;
  }
  if (textStart < text.length && pending) readText(text.slice(textStart));
  if (pending) stack.push(pending);
  while (stack.length > 1) {
    const node = stack.pop();
    if (node) implicitlyClose(node);
  }
  const ofx = root.children.find((node) => node.name === 'OFX');
  if (!ofx) throw new StatementError('STATEMENT_NOT_OFX', 'There is no <OFX> element in the file');
  return ofx;
}

/** The first child element with the name. */
export function child(node: OfxNode | undefined, name: string): OfxNode | undefined {
  return node?.children.find((each) => each.name === name);
}

/** Every element with the name at any depth under the node, in file order. */
export function descendants(node: OfxNode, name: string): OfxNode[] {
  const found: OfxNode[] = [];
  const visit = (each: OfxNode) => {
    for (const inner of each.children) {
      if (inner.name === name) found.push(inner);
      else visit(inner);
    }
  };
  visit(node);
  return found;
}
