/**
 * CSV as RFC 4180 writes it and spreadsheets export it: UTF-8 with or without a byte order mark,
 * CRLF or LF line ends, fields quoted with "" for a quote inside (a quoted field may span lines).
 * Each record keeps the line it starts on, so a rejected row can be named by its line number.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let afterQuote = false;
  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is no record (spreadsheets often end with one).
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      if (field !== '' || afterQuote)
        throw new CsvSyntaxError(line, 'a quote in the middle of an unquoted field');
      quoted = true;
    } else if (char === ',') {
      endField();
    } else if (char === '\r' && input[i + 1] === '\n') {
      // CRLF: the LF ends the record.
    } else if (char === '\n') {
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (afterQuote) throw new CsvSyntaxError(line, 'text after the closing quote of a field');
      field += char;
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || afterQuote) endRecord();
  return records;
}
