import type { ColumnDef } from "@tanstack/react-table";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "./data-table";

interface Row {
  id: string;
  name: string;
  size: number;
}

const columns: ColumnDef<Row, unknown>[] = [
  { id: "name", header: "Name", meta: { sortField: "name" }, cell: ({ row }) => row.original.name },
  { id: "size", header: "Size", meta: { sortField: "size", align: "right" }, cell: ({ row }) => row.original.size },
  { id: "note", header: "Note", cell: () => "—" },
];

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));

describe("DataTable", () => {
  it("links each sortable header to the page's URL with that sort, back on the first page, the active one reversed", () => {
    const html = renderToStaticMarkup(
      <DataTable
        caption="Things"
        columns={columns}
        data={[{ id: "1", name: "web-01", size: 2 }]}
        rowKey={(r) => r.id}
        sort={{ field: "name", dir: "asc" }}
        sortUrl={{ path: "/things", params: { kind: "droplet", sort: "name", dir: "asc", page: 3 }, defaults: { sort: "name", dir: "asc", page: 1 } }}
      />,
    );
    expect(hrefs(html)).toEqual(["/things?kind=droplet&dir=desc", "/things?kind=droplet&sort=size"]);
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain('aria-sort="none"');
    expect(html).toContain('<caption class="sr-only">Things</caption>');
  });

  it("leaves out the headers and cells of hidden columns", () => {
    const html = renderToStaticMarkup(
      <DataTable caption="Things" columns={columns} data={[{ id: "1", name: "web-01", size: 2 }]} rowKey={(r) => r.id} columnVisibility={{ size: false }} />,
    );
    expect(html).toContain("Name");
    expect(html).toContain("Note");
    expect(html).not.toContain("Size");
    expect(html).not.toContain(">2<");
  });

  it("writes plain headers without a URL to sort by", () => {
    const html = renderToStaticMarkup(<DataTable caption="Things" columns={columns} data={[]} rowKey={(r) => r.id} />);
    expect(hrefs(html)).toEqual([]);
  });
});
