import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { idleResult } from "@/lib/http/action-result";
import { FetchedFxRatesTable } from "./fetched-fx-rates-table";
import { ManualFxRatesTable } from "./manual-fx-rates-table";

// Days read "27 May 2024" on the FX page as on every other page (formatDate); only the form's input keeps ISO.
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the FX rates tables", () => {
  it("the fetched pairs name their first and last day as every page does", () => {
    const html = renderToStaticMarkup(
      <FetchedFxRatesTable
        reporting="AUD"
        pairs={[
          { base: "USD", quote: "AUD", rates: 250, first_date: "2024-05-27", last_date: "2026-12-01", latest_rate: "1.53100000", source_url: null, fetched_at: null },
        ]}
      />,
    );
    expect(text(html)).toContain(" 27 May 2024 ");
    expect(text(html)).toContain(" 1 Dec 2026 ");
    expect(html).not.toContain("2024-05-27");
  });

  it("a manual rate's effective day, in its row and its delete question", () => {
    const html = renderToStaticMarkup(
      <ManualFxRatesTable
        remove={async () => idleResult}
        rates={[{ id: "r-1", base: "USD", quote: "AUD", rate: "1.60000000", effective_from: "2024-05-27", created_by: null, created_at: "2026-12-02T01:00:00.000Z" }]}
      />,
    );
    expect(text(html)).toContain(" 27 May 2024 ");
    expect(html).not.toContain("2024-05-27");
  });
});
