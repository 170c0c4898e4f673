import { describe, expect, it } from 'vitest';
import { decodeStatement } from '../../electron/core/imports/statement-text.ts';
import { StatementError } from '../../electron/core/imports/statement-errors.ts';
import { statementFixture as fixture } from '../support/statements.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** "TÍTULO" in Windows-1252: Í is the single byte 0xCD. */
const titulo1252 = Uint8Array.of(0x54, 0xcd, 0x54, 0x55, 0x4c, 0x4f);

describe('decodeStatement', () => {
  it('reads a bank OFX declared CHARSET:1252 as Windows-1252, accents intact', () => {
    const bytes = fixture('itau-extrato-102.ofx');
    // The fixture really is single-byte: Í as 0xCD, which is not valid UTF-8 on its own.
    expect(bytes.includes(0xcd)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, encoding } = decodeStatement(bytes);
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('PAGAMENTO DE TÍTULO');
    expect(text).toContain('TAR PACOTE SERVIÇOS');
  });

  it('reads a CSV without any declaration by its bytes', () => {
    expect(decodeStatement(fixture('santander-extrato.csv'))).toMatchObject({ encoding: 'windows-1252' });
    expect(decodeStatement(fixture('santander-extrato.csv')).text).toContain('MARIA DA CONCEIÇÃO');
    expect(decodeStatement(fixture('nubank-conta.csv'))).toMatchObject({ encoding: 'utf-8' });
    expect(decodeStatement(fixture('nubank-conta.csv')).text).toContain('Transferência recebida');
  });

  it('takes the OFX header ENCODING:UTF-8 and the XML declaration', () => {
    expect(decodeStatement(fixture('nubank-fatura.ofx')).encoding).toBe('utf-8');
    expect(decodeStatement(fixture('inter-extrato-211.ofx'))).toMatchObject({ encoding: 'utf-8' });
    const ascii = utf8('OFXHEADER:100\nDATA:OFXSGML\nENCODING:USASCII\nCHARSET:1252\n\n<OFX></OFX>');
    expect(decodeStatement(ascii).encoding).toBe('windows-1252');
    const xml = utf8('<?xml version="1.0" encoding="ISO-8859-1"?><OFX></OFX>');
    expect(decodeStatement(xml).encoding).toBe('windows-1252');
  });

  it('believes the bytes when they contradict the header', () => {
    // Declared 1252 but written in UTF-8 (some banks do): reading it as 1252 would give "TÃ\u008dTULO".
    const mislabelled = utf8('OFXHEADER:100\nENCODING:USASCII\nCHARSET:1252\n\n<OFX><MEMO>TÍTULO</OFX>');
    expect(decodeStatement(mislabelled)).toMatchObject({ encoding: 'utf-8' });
    expect(decodeStatement(mislabelled).text).toContain('TÍTULO');
    // Declared UTF-8 but single-byte.
    const header = utf8('OFXHEADER:100\nENCODING:UTF-8\n\n<OFX><MEMO>');
    const bytes = new Uint8Array([...header, ...titulo1252]);
    expect(decodeStatement(bytes)).toMatchObject({ encoding: 'windows-1252' });
    expect(decodeStatement(bytes).text).toMatch(/TÍTULO$/);
  });

  it('removes a byte-order mark and reads UTF-16 (Excel\u2019s "Texto Unicode")', () => {
    expect(decodeStatement(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('Data;Valor')))).toEqual({
      text: 'Data;Valor',
      encoding: 'utf-8',
    });
    const utf16 = Uint8Array.of(0xff, 0xfe, ...Array.from('Olá').flatMap((char) => [char.charCodeAt(0), 0]));
    expect(decodeStatement(utf16)).toEqual({ text: 'Olá', encoding: 'utf-16le' });
  });

  it('uses the encoding the user chose, and refuses one it does not know', () => {
    expect(decodeStatement(titulo1252, 'latin1')).toEqual({ text: 'TÍTULO', encoding: 'windows-1252' });
    expect(decodeStatement(utf8('TÍTULO'), 'ISO-8859-1').text).toBe('TÃ\u008dTULO');
    expect(decodeStatement(utf8('TÍTULO'), 'UTF-8').text).toBe('TÍTULO');
    const error = (() => {
      try {
        decodeStatement(titulo1252, 'ebcdic');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(StatementError);
    expect(error).toMatchObject({ code: 'STATEMENT_UNREADABLE', value: 'ebcdic' });
  });
});
