import { Readable } from "node:stream";
import Papa from "papaparse";
import { z } from "zod";
import { parseAmountCents } from "@/lib/money/parse-amount-cents";
import { classifyInvoiceLine, type InvoiceLineType, type ResourceKind } from "./classify-invoice-line";
import { parseInvoiceTimestampCached } from "./parse-invoice-timestamp";
import { type CsvTextInput, readCsvText, stripBom } from "./read-csv-text";

export const INVOICE_CSV_COLUMNS = [
  "product",
  "group_description",
  "description",
  "hours",
  "start",
  "end",
  "USD",
  "project_name",
  "category",
] as const;
export type InvoiceCsvColumn = (typeof INVOICE_CSV_COLUMNS)[number];

export interface ParsedCostLine {
  /** The line in the file where this row starts; the header is line 1. */
  lineNo: number;
  product: string;
  groupDescription: string | null;
  description: string;
  /** Billed hours as a decimal string (for a numeric column), null when empty. */
  hours: string | null;
  startAt: Date | null;
  endAt: Date | null;
  /** Integer cents; credits are negative. */
  amountCents: number;
  projectName: string | null;
  category: string | null;
  lineType: InvoiceLineType;
  kind: ResourceKind | null;
  isBackup: boolean;
  name: string | null;
  sizeLabel: string | null;
}

export interface InvoiceCsvParseResult {
  lines: ParsedCostLine[];
  totalCents: number;
}

export interface InvoiceCsvStreamSummary {
  lineCount: number;
  totalCents: number;
}

export type { InvoiceLineType, ResourceKind } from "./classify-invoice-line";
export type { CsvTextInput as InvoiceCsvInput } from "./read-csv-text";

export class InvoiceCsvError extends Error {
  readonly lineNo: number | null;
  readonly column: string | null;
  readonly missingColumns: readonly string[];

  constructor(
    detail: string,
    options: { lineNo?: number | null; column?: string | null; missingColumns?: string[]; cause?: unknown } = {},
  ) {
    const { lineNo = null, column = null, missingColumns = [], cause } = options;
    const where = [lineNo === null ? null : `line ${lineNo}`, column === null ? null : `column "${column}"`];
    super([...where.filter((part) => part !== null), detail].join(": "), { cause });
    this.name = "InvoiceCsvError";
    this.lineNo = lineNo;
    this.column = column;
    this.missingColumns = missingColumns;
  }
}

export const DEFAULT_INVOICE_BATCH_SIZE = 2000;

const optionalText = z.string().transform((value) => value.trim() || null);

function parsedOrIssue<T>(parse: (text: string) => T | null, what: string) {
  return z.string().transform((value, ctx): T | null => {
    if (value.trim() === "") return null;
    const parsed = parse(value);
    if (parsed === null) {
      ctx.addIssue(`cannot parse ${what} "${value}"`);
      return z.NEVER;
    }
    return parsed;
  });
}

// The nine columns of one data row, already picked out by header name.
export const invoiceCsvRowSchema = z.object({
  product: z.string().trim(),
  group_description: optionalText,
  description: z.string().trim(),
  hours: parsedOrIssue(parseBilledHours, "hours"),
  start: parsedOrIssue(parseInvoiceTimestampCached, "date"),
  end: parsedOrIssue(parseInvoiceTimestampCached, "date"),
  USD: z.string().transform((value, ctx) => {
    const cents = parseAmountCents(value);
    if (cents === null) {
      ctx.addIssue(`cannot parse amount "${value}"`);
      return z.NEVER;
    }
    return cents;
  }),
  project_name: optionalText,
  category: optionalText,
});

/** Parses a whole invoice CSV held in memory. */
export function parseInvoiceCsv(text: string): InvoiceCsvParseResult {
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", header: false, skipEmptyLines: false });
  const reader = createInvoiceRowReader();
  const lines = reader.readRows(parsed.data, parsed.errors);
  reader.finish();
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0) };
}

/**
 * Parses an invoice CSV from a stream and hands the lines to `onBatch` in batches of `batchSize` (the last one
 * may be smaller). Reading waits while a batch is being handled, so a 100,000-line file never sits in memory.
 * Rejects with the first InvoiceCsvError or `onBatch` failure; batches delivered before it have been handled.
 */
export async function parseInvoiceCsvStream(
  input: CsvTextInput,
  onBatch: (lines: ParsedCostLine[]) => Promise<void>,
  batchSize = DEFAULT_INVOICE_BATCH_SIZE,
): Promise<InvoiceCsvStreamSummary> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const source = Readable.from(readCsvText(input));
  const reader = createInvoiceRowReader();
  const pending: ParsedCostLine[] = [];
  const summary: InvoiceCsvStreamSummary = { lineCount: 0, totalCents: 0 };

  return new Promise((resolve, reject) => {
    let hasFailed = false;
    let delivering: Promise<void> | null = null;

    const fail = (error: unknown) => {
      if (hasFailed) return;
      hasFailed = true;
      source.destroy();
      reject(error);
    };

    const deliver = async (isFinal: boolean) => {
      while (!hasFailed && (pending.length >= batchSize || (isFinal && pending.length > 0))) {
        const batch = pending.splice(0, batchSize);
        summary.lineCount += batch.length;
        for (const line of batch) summary.totalCents += line.amountCents;
        await onBatch(batch);
      }
    };

    // papaparse's own parser.pause() only stops parsing: the stream keeps flowing into papaparse's queue, so the
    // whole file would end up in memory. Pausing the source itself is what holds reading back.
    Papa.parse<string[], Readable>(source, {
      delimiter: ",",
      header: false,
      skipEmptyLines: false,
      chunk: (results, parser) => {
        if (hasFailed) return;
        try {
          for (const line of reader.readRows(results.data, results.errors)) pending.push(line);
        } catch (error) {
          // fail() first: abort() calls complete synchronously, which must see the failure.
          fail(error);
          parser.abort();
          return;
        }
        if (pending.length >= batchSize && delivering === null) {
          source.pause();
          delivering = deliver(false).then(() => {
            delivering = null;
            if (!hasFailed) source.resume();
          }, fail);
        }
      },
      complete: () => {
        if (hasFailed) return;
        Promise.resolve(delivering)
          .then(async () => {
            reader.finish();
            await deliver(true);
            if (!hasFailed) resolve(summary);
          })
          .catch(fail);
      },
      error: (error) => fail(error),
    });
  });
}

/**
 * Turns papaparse's raw rows into cost lines, one chunk after another, for both the string and the stream form.
 * Rows are read as arrays rather than with `header: true` so that every row, blank lines and quoted line breaks
 * included, can be given the line number it has in the file, and so that field-count errors name that line.
 */
function createInvoiceRowReader() {
  let nextLineNo = 1;
  let columnIndex: Record<InvoiceCsvColumn, number> | null = null;
  let fieldCount = 0;

  function readHeader(row: string[], lineNo: number) {
    const names = row.map((name, i) => (i === 0 ? stripBom(name) : name).trim().toLowerCase());
    const missingColumns: string[] = [];
    const index: Partial<Record<InvoiceCsvColumn, number>> = {};
    for (const column of INVOICE_CSV_COLUMNS) {
      const position = names.indexOf(column.toLowerCase());
      if (position === -1) missingColumns.push(column);
      else if (names.indexOf(column.toLowerCase(), position + 1) !== -1) {
        throw new InvoiceCsvError(`column "${column}" appears more than once`, { lineNo, column });
      } else index[column] = position;
    }
    if (missingColumns.length > 0) {
      const list = missingColumns.map((column) => `"${column}"`).join(", ");
      throw new InvoiceCsvError(`missing required column${missingColumns.length > 1 ? "s" : ""} ${list}`, {
        lineNo,
        missingColumns,
      });
    }
    columnIndex = index as Record<InvoiceCsvColumn, number>;
    fieldCount = row.length;
  }

  function readLine(row: string[], lineNo: number, index: Record<InvoiceCsvColumn, number>): ParsedCostLine {
    if (row.length !== fieldCount) {
      throw new InvoiceCsvError(`expected ${fieldCount} fields but found ${row.length}`, { lineNo });
    }
    const record: Record<string, string> = {};
    for (const column of INVOICE_CSV_COLUMNS) record[column] = row[index[column]] ?? "";
    const parsed = invoiceCsvRowSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const column = String(issue?.path[0] ?? "");
      throw new InvoiceCsvError(issue?.message ?? "invalid row", { lineNo, column: column || null });
    }
    const fields = parsed.data;
    const amountCents = fields.USD;
    const classification = classifyInvoiceLine({
      product: fields.product,
      groupDescription: fields.group_description,
      description: fields.description,
      amountCents,
    });
    return {
      lineNo,
      product: fields.product,
      groupDescription: fields.group_description,
      description: fields.description,
      hours: fields.hours,
      startAt: fields.start,
      endAt: fields.end,
      amountCents,
      projectName: fields.project_name,
      category: fields.category,
      ...classification,
    };
  }

  return {
    readRows(rows: string[][], errors: Papa.ParseError[]): ParsedCostLine[] {
      const structuralErrors = new Map<number, Papa.ParseError>();
      for (const error of errors) {
        const row = error.row ?? 0;
        if (!structuralErrors.has(row)) structuralErrors.set(row, error);
      }

      const lines: ParsedCostLine[] = [];
      for (const [i, row] of rows.entries()) {
        const lineNo = nextLineNo;
        nextLineNo += 1 + countLineBreaks(row);
        const structuralError = structuralErrors.get(i);
        if (structuralError) throw new InvoiceCsvError(structuralError.message, { lineNo });
        if (row.length === 1 && row[0]?.trim() === "") continue;
        if (columnIndex === null) readHeader(row, lineNo);
        else lines.push(readLine(row, lineNo, columnIndex));
      }
      // An error papaparse reports past the last row it returned belongs to the next line.
      for (const [row, error] of structuralErrors) {
        if (row >= rows.length) throw new InvoiceCsvError(error.message, { lineNo: nextLineNo });
      }
      return lines;
    },

    finish() {
      if (columnIndex === null) throw new InvoiceCsvError("the file is empty: no header row");
    },
  };
}

// Quoted fields may span lines; counting their breaks keeps later rows' line numbers true to the file.
function countLineBreaks(row: string[]): number {
  let count = 0;
  for (const field of row) {
    if (!/[\r\n]/.test(field)) continue;
    for (let i = 0; i < field.length; i++) {
      const char = field[i];
      if (char === "\n" || (char === "\r" && field[i + 1] !== "\n")) count++;
    }
  }
  return count;
}

function parseBilledHours(text: string): string | null {
  const trimmed = text.trim();
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(trimmed)) return null;
  return trimmed.replaceAll(",", "");
}
