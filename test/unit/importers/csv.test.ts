import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/main/importers/csv.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

describe('parseCsv', () => {
  it.each([
    ['plain cells', 'a,b,c\n1,2,3', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['quoted cells with commas', '"a,b",c', [['a,b', 'c']]],
    ['doubled quotes', '"say ""hi""",""""', [['say "hi"', '"']]],
    ['line breaks inside quotes, kept as written', '"line 1\nline 2","x\r\ny"\nnext', [['line 1\nline 2', 'x\r\ny'], ['next']]],
    ['CRLF rows', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['lone CR rows (old Mac)', 'a,b\rc,d', [['a', 'b'], ['c', 'd']]],
    ['a byte order mark', '\uFEFF"Title",x', [['Title', 'x']]],
    ['empty cells', ',a,,', [['', 'a', '', '']]],
    ['a comma at the very end', 'a,', [['a', '']]],
    ['an empty quoted cell', '""', [['']]],
    ['rows of different lengths', 'a\nb,c,d\ne,f', [['a'], ['b', 'c', 'd'], ['e', 'f']]],
    ['empty lines (no rows)', '\n\na\r\n\r\n\nb\n\n', [['a'], ['b']]],
    ['a quote inside an unquoted cell, kept', 'ab"c,d', [['ab"c', 'd']]],
    ['text after a closing quote, kept', '"ab"c,d', [['abc', 'd']]],
    ['spaces, kept', ' a , "b" ', [[' a ', ' "b" ']]],
    ['unicode', '"Zürich 🔑",日本', [['Zürich 🔑', '日本']]],
  ])('reads %s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it.each([[''], ['\uFEFF'], ['\r\n\n']])('reads %j as no rows', (text) => {
    expect(parseCsv(text)).toEqual([]);
  });

  it('throws UNSUPPORTED_FORMAT, naming the line, when a quoted value never ends', () => {
    expect(() => parseCsv('a,b\n"c,d\ne')).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'starts on line 2'));
    expect(() => parseCsv('a\r\nb\r\n"x""')).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'starts on line 3'));
  });

  it('reads a large file in one pass', () => {
    const row = '"Title","Username","alice","*Password","p,w ""q""","Note\nwith a line"';
    const rows = parseCsv(Array.from({ length: 20_000 }, () => row).join('\r\n'));
    expect(rows).toHaveLength(20_000);
    expect(rows[19_999]).toEqual(['Title', 'Username', 'alice', '*Password', 'p,w "q"', 'Note\nwith a line']);
  });
});
