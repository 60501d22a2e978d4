import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.ts';

describe('CSV', () => {
  it('reads a header and rows with a BOM, CRLF, quoted fields, doubled quotes and Chinese text', () => {
    const text = '\ufeffchannel,address,topics\r\nemail,"a@example.org","x;y"\r\nemail,"说 ""你好""",z\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['channel', 'address', 'topics'] },
      { line: 2, fields: ['email', 'a@example.org', 'x;y'] },
      { line: 3, fields: ['email', '说 "你好"', 'z'] },
    ]);
  });

  it('keeps the starting line of a record whose quoted field spans lines, and skips blank lines', () => {
    const records = parseCsv('a,b\n"one\ntwo",3\n\nx,\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['one\ntwo', '3'] },
      { line: 5, fields: ['x', ''] },
    ]);
  });

  it('reads a last line without a line end, and LF-only files', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('names the line of a malformed field', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,x"y\n')).toThrow(/line 2/);
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(/line 2/);
  });
});
