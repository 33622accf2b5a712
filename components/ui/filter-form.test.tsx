import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FilterForm } from "./filter-form";

describe("FilterForm", () => {
  it("is a named GET form to the list, its fields then Apply and a Reset link to the unfiltered list", () => {
    const html = renderToStaticMarkup(
      <FilterForm action="/jobs" label="Filter job runs">
        <input name="job" />
      </FilterForm>,
    );
    expect(html).toMatch(/^<form [^>]*><input name="job"\/><button type="submit"[^>]*>Apply<\/button><a [^>]*href="\/jobs"[^>]*>Reset<\/a><\/form>$/);
    expect(html).toMatch(/^<form [^>]*method="get"[^>]*>/);
    expect(html).toMatch(/^<form [^>]*action="\/jobs"[^>]*>/);
    expect(html).toMatch(/^<form [^>]*aria-label="Filter job runs"[^>]*>/);
    expect(renderToStaticMarkup(<FilterForm action="/drift" label="Filter drift" resetHref="/drift?tab=history">
          {null}
        </FilterForm>)).toContain('href="/drift?tab=history"');
  });
});
