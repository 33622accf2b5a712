import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { adminUser as admin, formData as form, tenantUser as tenant, thrownDigest, setupAdminActionRuntime } from "@/test/admin-actions";
import { captureLog } from "@/test/capture-log";
import { idleResult } from "./action-result";
import { adminAction } from "./admin-action";
import { ApiError } from "./errors";
import { formLevel } from "./parse-action-input";

const { signInAs, revalidated } = setupAdminActionRuntime();
let calls: unknown[] = [];
const log = captureLog();

const renameAction = adminAction(
  z.object({ id: formLevel(z.uuid(), "This form is for a thing that does not exist."), name: z.string().trim().min(1, "Give it a name") }),
  async (input, { actor }) => {
    calls.push({ input, actor });
    if (input.name === "taken") throw new ApiError("conflict", "That name is taken", [{ path: "name", message: "Choose another name" }]);
    if (input.name === "boom") throw new Error("relation \"things\" does not exist");
    if (input.name === "away") return { message: "Renamed.", revalidate: ["/things", ["/things/1", "layout"]], redirect: "/things/1" };
    return { message: `Renamed to ${input.name}.`, data: { name: input.name }, revalidate: ["/things"], keepValues: input.name === "keep" };
  },
);

const id = "00000000-0000-4000-8000-000000000001";

afterEach(() => {
  calls = [];
});

describe("adminAction", () => {
  it("sends a caller without a session to sign in, before parsing or running anything", async () => {
    signInAs(null);
    expect(await thrownDigest(renameAction(idleResult, form({ id, name: "x" })))).toMatch(/^NEXT_REDIRECT;\w+;\/login;/);
    expect(await thrownDigest(renameAction(idleResult, form({})))).toMatch(/^NEXT_REDIRECT;\w+;\/login;/);
    expect(calls).toEqual([]);
    expect(revalidated()).toEqual([]);
  });

  it("refuses a signed-in tenant with 403", async () => {
    signInAs(tenant);
    expect(await thrownDigest(renameAction(idleResult, form({ id, name: "x" })))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(calls).toEqual([]);
  });

  it("sends bad input back as field errors with what was typed, a hidden field's problem as the form's message", async () => {
    signInAs(admin);
    expect(await renameAction(idleResult, form({ id, name: "  " }))).toEqual({
      status: "error",
      code: "invalid_request",
      fieldErrors: { name: "Give it a name" },
      values: { id, name: "  " },
    });
    expect(await renameAction(idleResult, form({ id: "nope", name: "" }))).toEqual({
      status: "error",
      code: "invalid_request",
      message: "This form is for a thing that does not exist.",
      fieldErrors: { name: "Give it a name" },
      values: { id: "nope", name: "" },
    });
    expect(calls).toEqual([]);
  });

  it("passes parsed input and the admin's name to the action, and answers its message and data", async () => {
    signInAs(admin);
    const f = form({ id, name: " Widget " });
    f.append("$ACTION_ID_abc", ""); // React's own entries are not the form's values
    expect(await renameAction(idleResult, f)).toEqual({ status: "ok", message: "Renamed to Widget.", data: { name: "Widget" } });
    expect(calls).toEqual([{ input: { id, name: "Widget" }, actor: "admin@example.com" }]);
    expect(revalidated()).toEqual(["/things"]);
    expect(await renameAction(idleResult, form({ id, name: "keep" }))).toMatchObject({ status: "ok", values: { id, name: "keep" } });
  });

  it("revalidates, then redirects when the action says where to go next", async () => {
    signInAs(admin);
    expect(await thrownDigest(renameAction(idleResult, form({ id, name: "away" })))).toMatch(/^NEXT_REDIRECT;\w+;\/things\/1;/);
    expect(revalidated()).toEqual(["/things", "/things/1 (layout)"]);
  });

  it("turns a refusal from the domain into its message, with the fields it names", async () => {
    signInAs(admin);
    expect(await renameAction(idleResult, form({ id, name: "taken" }))).toEqual({
      status: "error",
      code: "conflict",
      message: "That name is taken",
      fieldErrors: { name: "Choose another name" },
      values: { id, name: "taken" },
    });
    expect(revalidated()).toEqual([]);
  });

  it("logs a failure on our side and answers a generic message that reveals nothing of it", async () => {
    signInAs(admin);
    const result = await renameAction(idleResult, form({ id, name: "boom" }));
    expect(JSON.stringify(result)).not.toContain("things");
    expect(result).toEqual({
      status: "error",
      code: "internal_error",
      message: "Something went wrong on our side. Try again.",
      fieldErrors: {},
      values: { id, name: "boom" },
    });
    expect(log()).toContain("server action failed");
    expect(log()).toContain('relation \\"things\\" does not exist');
  });

  it("lets an action word its refusals and failures, and revalidate after a refusal", async () => {
    signInAs(admin);
    const accept = adminAction(
      formLevel(z.array(z.uuid()).min(1), "Select at least one."),
      async (ids) => {
        if (ids.length > 1) throw new ApiError("not_found", "One is gone");
        throw new Error("db down");
      },
      { refused: { message: (m) => `Nothing was done. ${m}.`, revalidate: [["/", "layout"]] }, failure: "Nothing was done: try again." },
    );
    expect(await accept(idleResult, [])).toEqual({ status: "error", code: "invalid_request", message: "Select at least one.", fieldErrors: {} });
    expect(await accept(idleResult, [id, id])).toEqual({ status: "error", code: "not_found", message: "Nothing was done. One is gone.", fieldErrors: {} });
    expect(revalidated()).toEqual(["/ (layout)"]);
    expect(await accept(idleResult, [id])).toEqual({ status: "error", code: "internal_error", message: "Nothing was done: try again.", fieldErrors: {} });
  });

  it("lets redirect() and notFound() thrown inside the action through", async () => {
    signInAs(admin);
    const { notFound } = await import("next/navigation");
    const missing = adminAction(z.object({}), async () => notFound());
    expect(await thrownDigest(missing(idleResult, form({})))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});
