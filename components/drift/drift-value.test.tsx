import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CodeValue, KeepTokensWhole } from "@/components/ui/code-value";
import { DriftValue } from "./drift-value";

// A DO slug or id broken at its hyphen ("s-4vcpu-" / "8gb") reads as two values: such values never wrap, they
// scroll inside their cell instead.
const unbreakable = /class="(?=[^"]*\bwhitespace-nowrap\b)(?=[^"]*\boverflow-x-auto\b)[^"]*"/;

describe("machine values", () => {
  it("a CodeValue never wraps and scrolls inside its cell", () => {
    const html = renderToStaticMarkup(<CodeValue title="full">s-4vcpu-8gb</CodeValue>);
    expect(html).toMatch(unbreakable);
    expect(html).toContain('title="full"');
    expect(html).not.toMatch(/break-words|break-all|wrap-anywhere/);
  });

  it("a drift's plain value and an object's changed keys are CodeValues", () => {
    const plain = renderToStaticMarkup(<DriftValue value="s-4vcpu-8gb" other="s-2vcpu-4gb" side="actual" />);
    expect(plain).toMatch(unbreakable);
    expect(plain).toContain(">s-4vcpu-8gb<");
    expect(plain).not.toMatch(/break-words|break-all|wrap-anywhere/);

    const object = renderToStaticMarkup(<DriftValue value={{ slug: "s-4vcpu-8gb" }} other={{ slug: "s-2vcpu-4gb" }} side="actual" />);
    expect(object).toMatch(unbreakable);
    expect(object).toContain("s-4vcpu-8gb");
  });

  it("a sentence naming a slug wraps between words, never inside the slug", () => {
    const html = renderToStaticMarkup(<KeepTokensWhole text="DO never shrinks a disk: s-1vcpu-1gb has 25 GB" />);
    expect(html).toBe('DO never shrinks a disk: <span class="whitespace-nowrap">s-1vcpu-1gb</span> has 25 GB');
  });
});
