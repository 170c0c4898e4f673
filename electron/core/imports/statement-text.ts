import { StatementError } from './statement-errors.ts';

/**
 * A statement file's bytes as text. Brazilian banks write OFX and CSV in Windows-1252
 * ("PAGAMENTO DE TÍTULO", "Transferência"), newer exports (Nubank, Inter) in UTF-8, and
 * Excel's "Texto Unicode" is UTF-16 with a byte-order mark.
 *
 * No library: the WHATWG `TextDecoder` built into Node and Electron (full ICU) decodes
 * Windows-1252 and UTF-16 and, with `fatal`, tells valid UTF-8 apart; iconv-lite would add
 * nothing here. (WHATWG maps the `latin1`/`iso-8859-1` labels to windows-1252, a superset,
 * which is what those files really are.)
 *
 * Order of evidence: an encoding the user chose; a byte-order mark; then what the file
 * declares (OFX 1.x `ENCODING:`/`CHARSET:` header, OFX 2.x / XML `encoding="…"`), believed
 * unless the bytes contradict it; then the bytes (valid UTF-8 is UTF-8, anything else
 * Windows-1252). Contradictions are real: some banks declare `CHARSET:1252` and write UTF-8,
 * and a text in Windows-1252 with accented letters is practically never valid UTF-8, so
 * valid UTF-8 with non-ASCII bytes wins over a 1252 declaration, and bytes that are not
 * valid UTF-8 are read as Windows-1252 whatever the header says.
 */
export type StatementEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedStatement {
  /** The text without its byte-order mark. */
  text: string;
  encoding: StatementEncoding;
}

/** Labels a user (or a file) may name, as the encodings above. */
function encodingOf(label: string): StatementEncoding | null {
  const name = label.trim().toLowerCase().replace(/[\s_]/g, '-');
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(name)) return 'utf-8';
  if (/^(utf-?16(-?le)?|unicode)$/.test(name)) return 'utf-16le';
  if (/^utf-?16-?be$/.test(name)) return 'utf-16be';
  if (/^(windows-?1252|cp-?1252|1252|latin-?1|iso-?8859-?1|l1|ansi|us-?ascii|ascii|none)$/.test(name)) {
    return 'windows-1252';
  }
  return null;
}

/** What the file says about itself in its first bytes (headers are ASCII in every encoding). */
function declaredEncoding(bytes: Uint8Array): StatementEncoding | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
  if (/^\s*OFXHEADER\s*:/i.test(head)) {
    const encoding = /^\s*ENCODING\s*:\s*([\w-]+)/im.exec(head)?.[1] ?? '';
    const charset = /^\s*CHARSET\s*:\s*([\w-]+)/im.exec(head)?.[1] ?? '';
    if (encodingOf(encoding) === 'utf-8') return 'utf-8';
    // USASCII with CHARSET 1252 / ISO-8859-1 / NONE: the single-byte text Brazilian banks write.
    if (encoding !== '' || charset !== '') return encodingOf(charset) ?? 'windows-1252';
    return null;
  }
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return xml?.[1] ? encodingOf(xml[1]) : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function decodeAs(bytes: Uint8Array, encoding: StatementEncoding): string {
  // ignoreBOM false: a byte-order mark of the same encoding is removed.
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * The text of a statement file and the encoding it was read in. `declared` is an encoding
 * the user chose (`utf-8`, `windows-1252`, `latin1`, `utf-16le`…); it wins over everything
 * else. Throws STATEMENT_UNREADABLE for a label it does not know.
 */
export function decodeStatement(bytes: Uint8Array, declared?: string): DecodedStatement {
  if (declared !== undefined && declared.trim() !== '') {
    const encoding = encodingOf(declared);
    if (!encoding) {
      throw new StatementError('STATEMENT_UNREADABLE', `Unknown text encoding '${declared}'`, { value: declared });
    }
    return { text: decodeAs(bytes, encoding), encoding };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeAs(bytes, 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeAs(bytes, 'utf-16be'), encoding: 'utf-16be' };

  const asUtf8 = validUtf8(bytes);
  const nonAscii = bytes.some((byte) => byte >= 0x80);
  const hint = declaredEncoding(bytes);
  // Valid UTF-8 is UTF-8 unless it is plain ASCII in a file that declares a single-byte charset.
  if (asUtf8 !== null && (nonAscii || hint === null || hint === 'utf-8')) return { text: asUtf8, encoding: 'utf-8' };
  return { text: decodeAs(bytes, 'windows-1252'), encoding: 'windows-1252' };
}
