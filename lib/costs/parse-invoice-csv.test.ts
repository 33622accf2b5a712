import { createReadStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  INVOICE_CSV_COLUMNS,
  InvoiceCsvError,
  type ParsedCostLine,
  parseInvoiceCsv,
  parseInvoiceCsvStream,
} from "./parse-invoice-csv";

const SAMPLE_PATH = "/work/shared/do-api/samples/invoice-2026-04.csv";
const sample = readFileSync(SAMPLE_PATH, "utf8");
const HEADER = INVOICE_CSV_COLUMNS.join(",");
const WINDOW = "2026-04-01 00:00:00 +0000,2026-04-30 23:59:59 +0000";

function csv(...rows: string[]): string {
  return `${[HEADER, ...rows].join("\n")}\n`;
}

function row(product: string, description: string, usd: string, extra: { group?: string; hours?: string } = {}) {
  return `${product},${extra.group ?? ""},${description},${extra.hours ?? "720"},${WINDOW},${usd},arcadia,iaas`;
}

function parseError(run: () => unknown): InvoiceCsvError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvoiceCsvError) return error;
    throw error;
  }
  throw new Error("expected an InvoiceCsvError");
}

async function streamAll(input: Parameters<typeof parseInvoiceCsvStream>[0], batchSize?: number) {
  const batches: ParsedCostLine[][] = [];
  const summary = await parseInvoiceCsvStream(
    input,
    async (lines) => {
      batches.push(lines);
    },
    batchSize,
  );
  return { batches, lines: batches.flat(), summary };
}

// Splits text into byte chunks of a fixed size, cutting through multi-byte characters and CRLF pairs.
async function* byteChunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, "utf8");
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

describe("parseInvoiceCsv on the April 2026 sample", () => {
  const result = parseInvoiceCsv(sample);

  it("reads all 33 data lines and sums to $86.92", () => {
    expect(result.lines).toHaveLength(33);
    expect(result.totalCents).toBe(8692);
    expect(result.lines.map((line) => line.lineNo)).toEqual(Array.from({ length: 33 }, (_, i) => i + 2));
  });

  it("reads a droplet line field by field", () => {
    expect(result.lines[0]).toEqual({
      lineNo: 2,
      product: "Droplets",
      groupDescription: null,
      description: "arcadia-web-01 (s-1vcpu-2gb)",
      hours: "720",
      startAt: new Date("2026-04-01T00:00:00Z"),
      endAt: new Date("2026-04-30T23:59:59Z"),
      amountCents: 1200,
      projectName: "arcadia",
      category: "iaas",
      lineType: "resource",
      kind: "droplet",
      isBackup: false,
      name: "arcadia-web-01",
      sizeLabel: "s-1vcpu-2gb",
    });
  });

  it("classifies the GST line as tax with no project", () => {
    const tax = result.lines.at(-1);
    expect(tax).toMatchObject({
      lineNo: 34,
      product: "Taxes",
      description: "Australian GST",
      lineType: "tax",
      kind: null,
      name: null,
      hours: null,
      projectName: null,
      amountCents: 102,
    });
    expect(result.lines.filter((line) => line.lineType === "tax")).toHaveLength(1);
  });

  it("gives each product its kind", () => {
    const kinds = Object.fromEntries(result.lines.map((line) => [line.product, line.kind]));
    expect(kinds).toEqual({
      Droplets: "droplet",
      "Droplet Backups": "droplet",
      Volumes: "volume",
      Snapshots: "snapshot",
      "Volume Snapshots": "snapshot",
      "Spaces Subscription": null,
      "Spaces Overage": null,
      "Load Balancers": "load_balancer",
      "Managed Databases": "database",
      "Reserved IPs": "reserved_ip",
      Domains: "domain",
      Bandwidth: null,
      Monitoring: null,
      "Container Registry": null,
      "App Platform": "app",
      Functions: null,
      "Kubernetes Clusters": "kubernetes_cluster",
      Taxes: null,
    });
    const counts = { resource: 0, tax: 0, credit: 0, other: 0 };
    for (const line of result.lines) counts[line.lineType]++;
    expect(counts).toEqual({ resource: 25, tax: 1, credit: 0, other: 7 });
  });

  it("names backups, grouped resources and reserved IPs after what they bill", () => {
    const named = result.lines.map((line) => [line.lineNo, line.name, line.sizeLabel, line.isBackup]);
    expect(named).toContainEqual([8, "arcadia-web-01", "s-1vcpu-2gb", true]);
    expect(named).toContainEqual([19, "arcadia-pg", "db-s-1vcpu-1gb", false]);
    expect(named).toContainEqual([20, "arcadia-pg", "10 GiB", false]);
    expect(named).toContainEqual([21, "170.64.1.10", null, false]);
    expect(named).toContainEqual([26, "arcadia-docs", "apps-s-1vcpu-0.5gb", false]);
    expect(named).toContainEqual([28, "tenant-k8s", null, false]);
    expect(named).toContainEqual([29, "tenant-k8s", "s-1vcpu-2gb", false]);
    expect(named).toContainEqual([22, "arcadia.example", null, false]);
  });

  it("keeps a short usage window and empty hours", () => {
    expect(result.lines[5]).toMatchObject({
      lineNo: 7,
      hours: "5",
      startAt: new Date("2026-04-09T10:00:00Z"),
      endAt: new Date("2026-04-09T15:00:00Z"),
      amountCents: 4,
    });
    expect(result.lines.find((line) => line.lineNo === 16)?.hours).toBeNull();
  });
});

describe("parseInvoiceCsv tolerates what exports and spreadsheets add", () => {
  const plain = parseInvoiceCsv(sample);

  it("ignores a UTF-8 byte-order mark", () => {
    const result = parseInvoiceCsv(`\uFEFF${sample}`);
    expect(result).toEqual(plain);
  });

  it("reads CRLF line endings", () => {
    const result = parseInvoiceCsv(sample.replaceAll("\n", "\r\n"));
    expect(result).toEqual(plain);
    expect(result.lines[0]?.category).toBe("iaas");
  });

  it("reads columns by name whatever their order, ignoring extra columns", () => {
    const order = ["USD", "end", "category", "description", "start", "product", "project_name", "hours"];
    const columns = [...order, "notes", "group_description"];
    const text = [
      columns.join(","),
      "$12.00,2026-04-30 23:59:59 +0000,iaas,arcadia-web-01 (s-1vcpu-2gb),2026-04-01 00:00:00 +0000,Droplets,arcadia,720,hello,",
    ].join("\n");
    const [line] = parseInvoiceCsv(text).lines;
    expect(line).toEqual(plain.lines[0]);
  });

  it("trims header names and matches them regardless of case", () => {
    const header = " Product , group_description,DESCRIPTION,hours,start,end,usd,project_name,category ";
    const result = parseInvoiceCsv(`${header}\n${row("Droplets", "web (s-1vcpu-1gb)", "$6.00")}`);
    expect(result.lines[0]).toMatchObject({ product: "Droplets", amountCents: 600, name: "web" });
  });

  it("reads quoted fields containing commas, quotes and line breaks", () => {
    const text = csv(
      row("Droplets", '"web, the ""main"" one (s-1vcpu-1gb)"', "$6.00"),
      row("Droplets", '"two\nline box (s-1vcpu-1gb)"', "$1.00"),
      row("Volumes", "after-break (10 GiB)", "$1.00"),
    );
    const result = parseInvoiceCsv(text);
    expect(result.lines.map((line) => [line.lineNo, line.name])).toEqual([
      [2, 'web, the "main" one'],
      [3, "two\nline box"],
      // The quoted break puts this row on line 5 of the file.
      [5, "after-break"],
    ]);
  });

  it("reads thousands separators, credits in every notation and short decimals", () => {
    const result = parseInvoiceCsv(
      csv(
        row("Droplets", "big (c-32)", '"$1,234.56"'),
        row("Credits", "Promo credit", "-$1.00"),
        row("Credits", "Referral credit", "$-2.50"),
        row("Credits", "Account credit", "($5.00)"),
        row("Droplets", "tiny (s-1vcpu-1gb)", "$3.1"),
        row("Droplets", "round (s-1vcpu-1gb)", "$3"),
        row("Droplets", "huge (c-64)", '"$1,234,567.89"'),
      ),
    );
    expect(result.lines.map((line) => line.amountCents)).toEqual([123456, -100, -250, -500, 310, 300, 123456789]);
    expect(result.lines.map((line) => line.lineType)).toEqual([
      "resource",
      "credit",
      "credit",
      "credit",
      "resource",
      "resource",
      "resource",
    ]);
    expect(result.totalCents).toBe(123456 - 100 - 250 - 500 + 310 + 300 + 123456789);
  });

  it("keeps parentheses that belong to the name", () => {
    const result = parseInvoiceCsv(
      csv(row("Droplets", "my (old) box (s-1vcpu-1gb)", "$6.00"), row("Volumes", "data (v2)", "$1.00")),
    );
    expect(result.lines.map((line) => [line.name, line.sizeLabel])).toEqual([
      ["my (old) box", "s-1vcpu-1gb"],
      ["data", "v2"],
    ]);
  });

  it("skips blank lines, trailing or between rows, while keeping line numbers true", () => {
    const text = `${HEADER}\n${row("Droplets", "a (s)", "$1.00")}\n\n${row("Droplets", "b (s)", "$2.00")}\n\n\n`;
    const result = parseInvoiceCsv(text);
    expect(result.lines.map((line) => [line.lineNo, line.name])).toEqual([
      [2, "a"],
      [4, "b"],
    ]);
    expect(parseInvoiceCsv(`${csv(row("Droplets", "a (s)", "$1.00"))}\r\n\r\n`).lines).toHaveLength(1);
  });

  it("accepts ISO 8601 dates and other offsets", () => {
    const line = `Droplets,,web (s),10,2026-04-01T10:00:00+10:00,2026-04-01T05:30:00.250-05:30,$1.00,,`;
    const [parsed] = parseInvoiceCsv(`${HEADER}\n${line}`).lines;
    expect(parsed?.startAt).toEqual(new Date("2026-04-01T00:00:00Z"));
    expect(parsed?.endAt).toEqual(new Date("2026-04-01T11:00:00.250Z"));
    expect(parsed?.projectName).toBeNull();
    expect(parsed?.category).toBeNull();
  });

  it("treats empty start and end as null", () => {
    const [line] = parseInvoiceCsv(`${HEADER}\nTaxes,,VAT,,,,$1.00,,`).lines;
    expect(line).toMatchObject({ startAt: null, endAt: null, hours: null, lineType: "tax" });
  });

  it("returns no lines for a header-only file", () => {
    expect(parseInvoiceCsv(`${HEADER}\n`)).toEqual({ lines: [], totalCents: 0 });
  });
});

describe("parseInvoiceCsv errors", () => {
  it("names every missing column", () => {
    const header = "product,group_description,description,hours,start,end,project_name";
    const error = parseError(() => parseInvoiceCsv(`${header}\n`));
    expect(error.message).toBe('line 1: missing required columns "USD", "category"');
    expect(error.missingColumns).toEqual(["USD", "category"]);
    expect(error.lineNo).toBe(1);
  });

  it("names a single missing column", () => {
    const header = INVOICE_CSV_COLUMNS.filter((column) => column !== "hours").join(",");
    expect(parseError(() => parseInvoiceCsv(header)).message).toBe('line 1: missing required column "hours"');
  });

  it("reports a bad amount with its line, column and value", () => {
    const rows = Array.from({ length: 5 }, (_, i) => row("Droplets", `vm-${i} (s)`, "$1.00"));
    const error = parseError(() => parseInvoiceCsv(csv(...rows, row("Droplets", "bad (s)", "$12.x"))));
    expect(error.message).toBe('line 7: column "USD": cannot parse amount "$12.x"');
    expect(error).toMatchObject({ name: "InvoiceCsvError", lineNo: 7, column: "USD" });
  });

  it.each(["$3.111", "12,34.00", "$", "--1.00", "-($1.00)", "1.2.3", "$1 000", ""])(
    "rejects the amount %j",
    (amount) => {
      const error = parseError(() => parseInvoiceCsv(csv(row("Droplets", "x (s)", `"${amount}"`))));
      expect(error.message).toBe(`line 2: column "USD": cannot parse amount "${amount}"`);
    },
  );

  it("reports a bad date with its line, column and value", () => {
    const bad = "Droplets,,web (s),720,2026-04-01 00:00:00 +0000,2026-04-31 00:00:00 +0000,$1.00,arcadia,iaas";
    const error = parseError(() => parseInvoiceCsv(csv(row("Droplets", "ok (s)", "$1.00"), bad)));
    expect(error.message).toBe('line 3: column "end": cannot parse date "2026-04-31 00:00:00 +0000"');
    expect(error).toMatchObject({ lineNo: 3, column: "end" });
  });

  it("reports bad hours", () => {
    const error = parseError(() => parseInvoiceCsv(csv(row("Droplets", "x (s)", "$1.00", { hours: "12h" }))));
    expect(error.message).toBe('line 2: column "hours": cannot parse hours "12h"');
  });

  it("reports a row with too many or too few fields", () => {
    expect(parseError(() => parseInvoiceCsv(csv(`${row("Droplets", "x, y (s)", "$1.00")}`))).message).toBe(
      "line 2: expected 9 fields but found 10",
    );
    expect(parseError(() => parseInvoiceCsv(csv("Droplets,,x (s),720"))).message).toBe(
      "line 2: expected 9 fields but found 4",
    );
  });

  it("reports an unterminated quote on the line where it starts", () => {
    const error = parseError(() => parseInvoiceCsv(csv(row("Droplets", "ok (s)", "$1.00"), 'Droplets,,"broken')));
    expect(error.message).toBe("line 3: Quoted field unterminated");
    expect(error.lineNo).toBe(3);
  });

  it("refuses an empty file", () => {
    expect(parseError(() => parseInvoiceCsv("")).message).toBe("the file is empty: no header row");
    expect(parseError(() => parseInvoiceCsv("\n\n")).lineNo).toBeNull();
  });
});

describe("parseInvoiceCsvStream", () => {
  it("gives the same lines as the string form", async () => {
    const { lines, summary } = await streamAll(Readable.from(Buffer.from(sample)));
    expect(lines).toEqual(parseInvoiceCsv(sample).lines);
    expect(summary).toEqual({ lineCount: 33, totalCents: 8692 });
  });

  it("reads a file stream", async () => {
    const { lines } = await streamAll(createReadStream(SAMPLE_PATH, { highWaterMark: 100 }), 5);
    expect(lines).toEqual(parseInvoiceCsv(sample).lines);
  });

  it("accepts a string", async () => {
    const { lines } = await streamAll(sample);
    expect(lines).toEqual(parseInvoiceCsv(sample).lines);
  });

  it("delivers batches of the requested size, the last one holding the rest", async () => {
    const { batches } = await streamAll(sample, 10);
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 10, 3]);
    expect(batches.flat().map((line) => line.lineNo)).toEqual(Array.from({ length: 33 }, (_, i) => i + 2));
  });

  it("calls onBatch once with everything when the file is smaller than a batch, and never for no lines", async () => {
    expect((await streamAll(sample)).batches.map((batch) => batch.length)).toEqual([33]);
    expect((await streamAll(`${HEADER}\n`)).batches).toEqual([]);
  });

  it("survives chunks that split multi-byte characters, CRLFs, quotes and the BOM", async () => {
    const text = `\uFEFF${csv(
      row("Droplets", '"café, ""naïve"" 日本 (s-1vcpu-1gb)"', "$6.00"),
      row("Droplets", '"two\nline (s)"', '"$1,234.56"'),
      row("Credits", "Promo credit", "($5.00)"),
    ).replaceAll("\n", "\r\n")}`;
    const expected = parseInvoiceCsv(text).lines;
    expect(expected.map((line) => line.name)).toEqual(['café, "naïve" 日本', "two\r\nline", null]);
    for (const size of [1, 2, 3, 7, 64]) {
      const { lines } = await streamAll(byteChunks(text, size), 2);
      expect(lines).toEqual(expected);
    }
  });

  it("rejects with the same error as the string form", async () => {
    const text = csv(row("Droplets", "ok (s)", "$1.00"), row("Droplets", "bad (s)", "$12.x"));
    const delivered: ParsedCostLine[] = [];
    const failure = parseInvoiceCsvStream(byteChunks(text, 5), async (lines) => {
      delivered.push(...lines);
    });
    await expect(failure).rejects.toBeInstanceOf(InvoiceCsvError);
    await expect(failure).rejects.toThrow('line 3: column "USD": cannot parse amount "$12.x"');
    expect(delivered).toEqual([]);
  });

  it("rejects on a missing column and on an empty stream", async () => {
    await expect(streamAll("product,USD\n")).rejects.toThrow(/missing required columns/);
    await expect(streamAll(Readable.from([]))).rejects.toThrow("the file is empty: no header row");
  });

  it("stops reading and rejects when onBatch fails", async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield i === 0 ? `${HEADER}\n` : `${row("Droplets", `vm-${i} (s)`, "$1.00")}\n`;
      }
    }
    const failure = parseInvoiceCsvStream(
      source(),
      async () => {
        throw new Error("database is down");
      },
      10,
    );
    await expect(failure).rejects.toThrow("database is down");
    expect(pulled).toBeLessThan(1000);
  });

  it("rejects when the source fails part-way", async () => {
    async function* source() {
      yield `${HEADER}\n${row("Droplets", "a (s)", "$1.00")}\n`;
      throw new Error("connection reset");
    }
    await expect(streamAll(source())).rejects.toThrow("connection reset");
  });

  it("rejects a batch size that is not a positive integer", async () => {
    await expect(parseInvoiceCsvStream(sample, async () => {}, 0)).rejects.toThrow(RangeError);
  });

  it("parses a generated 100,000-line invoice in batches while reading only a little ahead", async () => {
    const LINE_COUNT = 100_000;
    const CHUNK_LINES = 50;
    let linesPulled = 0;
    async function* source(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${HEADER}\r\n`);
      for (let first = 0; first < LINE_COUNT; first += CHUNK_LINES) {
        let text = "";
        for (let i = first; i < first + CHUNK_LINES; i++) {
          const cents = i % 1000;
          const amount = `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
          text += `${row(i % 7 === 0 ? "Volumes" : "Droplets", `"vm, no. ${i} (s-1vcpu-1gb)"`, amount)}\r\n`;
        }
        linesPulled += CHUNK_LINES;
        yield Buffer.from(text);
      }
    }

    const batchSizes: number[] = [];
    let delivered = 0;
    let deliveredCents = 0;
    let worstReadAhead = 0;
    let lastLineNo = 1;
    let isInOrder = true;
    const summary = await parseInvoiceCsvStream(source(), async (lines) => {
      batchSizes.push(lines.length);
      for (const line of lines) {
        isInOrder &&= line.lineNo === lastLineNo + 1;
        lastLineNo = line.lineNo;
        deliveredCents += line.amountCents;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
      // Lines read from the source but not yet handled, measured while this batch was busy, are what
      // backpressure has to keep small.
      worstReadAhead = Math.max(worstReadAhead, linesPulled - delivered);
      delivered += lines.length;
    });

    // Amounts cycle through 0..999 cents, 100 times over.
    const expectedCents = 100 * ((999 * 1000) / 2);
    expect(summary).toEqual({ lineCount: LINE_COUNT, totalCents: expectedCents });
    expect(deliveredCents).toBe(expectedCents);
    expect(batchSizes).toEqual(Array.from({ length: 50 }, () => 2000));
    expect(isInOrder).toBe(true);
    expect(lastLineNo).toBe(LINE_COUNT + 1);
    // Without backpressure nearly all 100,000 lines (~11 MB) would be read before the first batch returns.
    expect(worstReadAhead).toBeLessThan(6000);
  });
});
