import { describe, expect, it } from "vitest";
import { buttonClass } from "./button";
import { inputClass } from "./field";

const heightClasses = (classes: string) => classes.split(/\s+/).filter((c) => /^(py-|text-(xs|sm|base)$|border$)/.test(c)).sort();

describe("a filter bar's buttons", () => {
  it("are exactly as tall as its fields (same vertical padding, text size and border), so Apply lines up with the inputs", () => {
    expect(heightClasses(buttonClass("primary", "field"))).toEqual(heightClasses(inputClass));
    expect(heightClasses(buttonClass("ghost", "field"))).toEqual(heightClasses(inputClass));
  });
});
