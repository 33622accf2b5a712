import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CardTable } from "./card-table";
import { EmptyState } from "./empty-state";
import { Table, TBody, Td, THead, Th } from "./table";

const table = (
  <Table caption="Things">
    <THead>
      <Th>Name</Th>
    </THead>
    <TBody>
      <tr>
        <Td>web-01</Td>
      </tr>
    </TBody>
  </Table>
);

describe("CardTable", () => {
  it("is a card with its header, toolbar and table", () => {
    const html = renderToStaticMarkup(
      <CardTable title="Things" description="Every thing." actions={<button type="button">Add</button>} toolbar={<form aria-label="Filter" />} isEmpty={false} empty={<EmptyState title="No things" />}>
        {table}
      </CardTable>,
    );
    expect(html).toMatch(/^<section class="[^"]*ring-1[^"]*">/);
    expect(html).toContain('<h2 class="text-base font-semibold text-slate-900">Things</h2>');
    expect(html).toContain("Every thing.");
    expect(html.indexOf("<button")).toBeLessThan(html.indexOf("<form"));
    expect(html.indexOf("<form")).toBeLessThan(html.indexOf("<table"));
    expect(html).toContain("web-01");
    expect(html).not.toContain("No things");
  });

  it("shows its empty state instead of the table when there are no rows, and no header without a title", () => {
    const html = renderToStaticMarkup(
      <CardTable className="mb-6" isEmpty empty={<EmptyState title="No things" />}>
        {table}
      </CardTable>,
    );
    expect(html).toMatch(/^<section class="[^"]*mb-6/);
    expect(html).toContain("No things");
    expect(html).not.toContain("<table");
    expect(html).not.toContain("border-b");
  });
});
