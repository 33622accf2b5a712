import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Td } from "./table";

describe("Td", () => {
  it("keeps a figure on one line: '-A$2,670.00' must not break after its minus, nor '63.4 %' before its sign", () => {
    const html = renderToStaticMarkup(
      <table>
        <tbody>
          <tr>
            <Td align="right">-A$2,670.00</Td>
            <Td>web-01</Td>
          </tr>
        </tbody>
      </table>,
    );
    const [figure, text] = [...html.matchAll(/<td class="([^"]*)"/g)].map((m) => m[1]);
    expect(figure).toContain("whitespace-nowrap");
    expect(text).not.toContain("whitespace-nowrap");
  });
});
