/** A fetch body can be passed through `Readable.fromWeb(response.body)`. */
export type CsvTextInput = string | AsyncIterable<string | Uint8Array>;

// The usual 64 KiB stream chunk; it bounds how many rows one papaparse chunk can produce.
const TEXT_CHUNK_CHARS = 64 * 1024;

/**
 * Turns a CSV source into text chunks of at most 64 Ki characters, decoded as UTF-8 and without a byte-order mark.
 */
export async function* readCsvText(input: CsvTextInput): AsyncGenerator<string> {
  // papaparse guesses the line ending from the first chunk it sees, so text is held back until that chunk
  // contains a whole line break (both characters of a CRLF).
  let head: string | null = "";
  for await (const text of decodeUtf8(input)) {
    if (head === null) {
      yield* sliceText(text);
      continue;
    }
    head += text;
    if (head.includes("\n") || head.length >= TEXT_CHUNK_CHARS) {
      const released = stripBom(head);
      head = null;
      yield* sliceText(released);
    }
  }
  if (head) yield* sliceText(stripBom(head));
}

async function* decodeUtf8(input: CsvTextInput): AsyncGenerator<string> {
  if (typeof input === "string") {
    yield input;
    return;
  }
  // One decoder in streaming mode, so a multi-byte character split across two chunks survives.
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of input) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

function* sliceText(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += TEXT_CHUNK_CHARS) {
    yield text.slice(start, start + TEXT_CHUNK_CHARS);
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
