/** The extensions a statement file may have: OFX (and Quicken's QFX, the same), CSV, and a bank's ".txt". */
export const statementExtensions = ['.ofx', '.qfx', '.csv', '.txt'] as const;

/** For a file input's `accept`. */
export const statementAccept = statementExtensions.join(',');

export const isStatementFile = (name: string): boolean =>
  statementExtensions.some((extension) => name.toLowerCase().endsWith(extension));

/** `Uint8Array.prototype.toBase64`, where the engine has it (Chromium does: ~30 ms for 30 MB). */
type WithToBase64 = Uint8Array & { toBase64?: () => string };

/** Bytes as base64: natively where the engine can, else a piece at a time. */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as WithToBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  return piecewiseBase64(bytes);
}

/**
 * A piece at a time: a 30 MB statement read with one `String.fromCharCode(...bytes)` would
 * overflow the call stack, and one 30-million-character binary string would hold the file
 * twice more. Each piece is a multiple of 3 bytes, so the pieces' base64 join without
 * padding in the middle.
 */
function piecewiseBase64(bytes: Uint8Array): string {
  const piece = 3 * 8192;
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += piece) {
    const chunk = bytes.subarray(start, Math.min(start + piece, bytes.length));
    parts.push(btoa(String.fromCharCode(...chunk)));
  }
  return parts.join('');
}

/** A statement file as the import sends it: its name, size and bytes in base64. */
export interface StatementFile {
  /** Which reading of a file this is: the same file chosen again is read afresh. */
  id: number;
  name: string;
  size: number;
  contentBase64: string;
}

let reads = 0;

export async function readStatementFile(file: File): Promise<StatementFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  reads += 1;
  return { id: reads, name: file.name, size: file.size, contentBase64: bytesToBase64(bytes) };
}
