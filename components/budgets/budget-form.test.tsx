import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { idleResult } from "@/lib/http/action-result";
import { BudgetForm } from "./budget-form";

const action = async () => idleResult;
const scopes = [
  { group: "Account", options: [{ value: "account", label: "Whole account" }] },
  { group: "DO projects", options: [{ value: "project:web", label: "web" }] },
];

describe("the budget form", () => {
  it("keeps an edited budget's scope selected when the scope is no longer among the options", () => {
    const html = renderToStaticMarkup(
      <BudgetForm action={action} scopes={scopes} budget={{ id: "b1", name: "Old", scope: "project:gone", scopeLabel: "Project gone", amount: "10.00", thresholds: "50" }} />,
    );
    expect(html).toContain('<optgroup label="Current"><option value="project:gone" selected="">Project gone</option></optgroup>');
  });

  it("adds a budget for the whole account by default, at 50, 80 and 100 %", () => {
    const html = renderToStaticMarkup(<BudgetForm action={action} scopes={scopes} />);
    expect(html).toContain('<option value="account" selected="">Whole account</option>');
    expect(html).toContain('value="50, 80, 100"');
    expect(html).not.toContain("Current");
  });
});
