import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { curlExample } from "./curl-example";
import { Markdown } from "./markdown";

describe("the API reference's descriptions", () => {
  it("render code, bold, links and lists instead of showing their Markdown", () => {
    const html = renderToStaticMarkup(<Markdown text={"Needs `role` **platform_admin**; see [the spec](/api/v1/openapi.json).\n\n- one `a`\n- two"} />);
    expect(html).toContain("<code");
    expect(html).toContain(">role</code>");
    expect(html).toContain('<strong class="font-semibold text-slate-900">platform_admin</strong>');
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect(html).toContain("<li>one <code");
    expect(html).not.toContain("`");
    expect(html).not.toContain("**");
  });

  it("never makes a link of a script URL, and escapes what it shows", () => {
    const html = renderToStaticMarkup(<Markdown text={"[click](javascript:alert(1)) <img src=x>"} />);
    expect(html).not.toContain("javascript:");
    expect(html).toContain("&lt;img");
  });
});

describe("curlExample", () => {
  it("calls the operation with the token, path placeholders and the example body, quoted for the shell", () => {
    expect(curlExample({ method: "PUT", path: "/api/v1/provisioned/{resourceId}", roles: ["platform_admin"], bodyExample: { spec: { name: "it's" } } })).toBe(
      [`curl -X PUT "$ARCADIA_URL/api/v1/provisioned/RESOURCE_ID"`, `-H "Authorization: Bearer $TOKEN"`, `-H "Content-Type: application/json"`, `-d '{"spec":{"name":"it'\\''s"}}'`].join(" \\\n  "),
    );
  });

  it("leaves the token out of public operations and puts required query parameters in", () => {
    expect(curlExample({ method: "GET", path: "/api/v1/openapi.json", roles: "public" })).toBe(`curl -X GET "$ARCADIA_URL/api/v1/openapi.json"`);
    expect(curlExample({ method: "GET", path: "/api/v1/billing/costs", roles: ["platform_admin"] }, ["from", "to"])).toContain(`"$ARCADIA_URL/api/v1/billing/costs?from=FROM&to=TO"`);
  });
});
