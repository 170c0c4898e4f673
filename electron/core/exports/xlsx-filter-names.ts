import type ExcelJS from 'exceljs';

/** A sheet's autofilter: the sheet's position among the workbook's (from 0), its name, and its range ("A1:O101"). */
export interface SheetFilter {
  sheet: number;
  name: string;
  range: string;
}

/** The part of exceljs' streaming writer this reaches into: its zip, which every part of the file goes through. */
interface ZipOfWriter {
  zip: { append(source: unknown, entry: { name: string }): unknown };
}

const workbookPart = '/xl/workbook.xml';

/**
 * Names each sheet's autofilter range as Excel does, with a hidden `_xlnm._FilterDatabase`
 * local to the sheet. LibreOffice builds a sheet's filter from that name and, without it,
 * opens the sheet with no filter buttons (issue 17 item 8). exceljs (4.4) writes the
 * sheet's <autoFilter> but not the name, and its defined-names API can neither make a name
 * local to a sheet nor hide it, so the names go into xl/workbook.xml as the streaming writer
 * hands that part to its zip, after <sheets> (the schema's order). `filters` is read then,
 * at the workbook's commit. A workbook.xml unlike exceljs 4.4's fails the export rather
 * than lose the filters quietly.
 */
export function nameFilterRanges(workbook: ExcelJS.stream.xlsx.WorkbookWriter, filters: readonly SheetFilter[]): void {
  const { zip } = workbook as unknown as ZipOfWriter;
  const append = zip.append.bind(zip);
  zip.append = (source, entry) => {
    if (entry.name !== workbookPart || filters.length === 0) return append(source, entry);
    if (typeof source !== 'string' || !source.includes('</sheets>') || source.includes('<definedNames>')) {
      throw new Error(`exceljs wrote ${workbookPart} in a shape this version does not know`);
    }
    const names = filters
      .map(
        (filter) =>
          `<definedName name="_xlnm._FilterDatabase" localSheetId="${filter.sheet}" hidden="1">` +
          `${xmlText(absoluteRange(filter.name, filter.range))}</definedName>`,
      )
      .join('');
    return append(source.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`), entry);
  };
}

/** 'Sheet''s name'!$A$1:$O$101: the sheet quoted (a quote in its name doubled), the cells absolute. */
function absoluteRange(sheet: string, range: string): string {
  const cells = range
    .split(':')
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
  return `'${sheet.replaceAll("'", "''")}'!${cells}`;
}

const xmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
