import { afterEach, describe, expect, it } from "vitest";
import { type FakeDo, startFakeDo } from "./start-fake-do";

let fake: FakeDo | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const post = (headers: Record<string, string> = {}) =>
  fetch(`${fake!.url}/demo/webhook-receiver`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: '{"type":"drift.detected"}' });
const signed = { "webhook-id": "msg_1", "webhook-timestamp": "1764626400", "webhook-signature": "v1,c2ln" };

describe("the fake DO's demo webhook receiver", () => {
  it("answers 204 to a signed POST and 400 to one without the Standard Webhooks headers, with the demo story", async () => {
    fake = await startFakeDo({ seed: 1, demoStory: true });
    expect((await post(signed)).status).toBe(204);
    expect((await post()).status).toBe(400);
  });

  it("is not there without the demo story: the path is DO's API, which wants a token", async () => {
    fake = await startFakeDo({ seed: 1 });
    expect((await post(signed)).status).toBe(401);
  });
});
