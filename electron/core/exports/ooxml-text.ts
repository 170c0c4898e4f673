/**
 * Text as a workbook's string cell must hold it for readers to get it back exactly (issue
 * 17 item 8). XML reads a carriage return as a line feed (its line-end rule) and cannot
 * carry the other control characters but tab and line feed at all (exceljs drops them as
 * it writes); OOXML's own escape, `_xHHHH_` (ECMA-376 Part 1, ST_Xstring; Excel writes a CR
 * as `_x000D_`), carries them. A `_x` that would read as such an escape is escaped in turn
 * (its `_` as `_x005F_`). Tab and line feed stay as themselves. (DEL, which XML could carry,
 * exceljs drops, and LibreOffice decodes no escape of it: the one character a workbook loses.)
 *
 * Readers decode the escape in a string's <t> (inline or shared), not in a cell's <v>
 * (LibreOffice reads <v> as it is), so the text must go in an inline string: see xlsx.ts.
 */
export function ooxmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it escapes
  return text.replace(/[\0-\x08\x0b-\x1f]|_(?=x[0-9A-Fa-f]{4}_)/g, (character) => {
    return `_x${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  });
}
