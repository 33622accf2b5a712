import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "./post-webhook";
import { checkWebhookUrl, guardedLookup, type Lookup, refusedAddressReason } from "./ssrf-guard";

const resolvesTo =
  (...addresses: string[]): Lookup =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
const strict = { allowPrivate: false };

describe("SSRF guard for webhook URLs", () => {
  it("refuses private, loopback, link-local, unique-local, mapped, unspecified and metadata addresses", () => {
    const refused = {
      "127.0.0.1": "loopback",
      "127.8.9.10": "loopback",
      "10.1.2.3": "private",
      "172.16.0.1": "private",
      "192.168.1.1": "private",
      "169.254.169.254": "link-local (cloud metadata)",
      "100.100.100.200": "carrier-grade NAT",
      "0.0.0.0": "this-network",
      "224.0.0.1": "multicast",
      "255.255.255.255": "reserved",
      "::1": "unspecified, loopback or IPv4-compatible",
      "::": "unspecified, loopback or IPv4-compatible",
      "fd00::": "unique-local",
      "fd00:ec2::254": "unique-local",
      "fe80::1": "link-local",
      "::ffff:127.0.0.1": "IPv4-mapped",
      "::ffff:8.8.8.8": "IPv4-mapped",
      "0:0:0:0:0:ffff:a00:1": "IPv4-mapped",
      "64:ff9b::a00:1": "NAT64 (embeds an IPv4 address)",
    };
    for (const [address, reason] of Object.entries(refused)) expect(refusedAddressReason(address), address).toBe(reason);
    for (const address of ["8.8.8.8", "170.64.1.2", "1.1.1.1", "2606:4700:4700::1111", "2400:6180:0:d0::1"]) {
      expect(refusedAddressReason(address), address).toBeNull();
    }
  });

  it("refuses such URLs at registration, by address, by name and by what a name resolves to", async () => {
    const cases: [string, Lookup | undefined, RegExp][] = [
      ["https://127.0.0.1/hook", undefined, /127\.0\.0\.1 is loopback/],
      ["https://10.0.0.5:8443/hook", undefined, /10\.0\.0\.5 is private/],
      ["https://169.254.169.254/latest/meta-data/", undefined, /169\.254\.169\.254 is link-local/],
      ["https://[::1]/hook", undefined, /::1 is unspecified, loopback/],
      ["https://[fd00::]/hook", undefined, /fd00:: is unique-local/],
      ["https://[::ffff:7f00:1]/hook", undefined, /IPv4-mapped/],
      ["https://2130706433/hook", undefined, /127\.0\.0\.1 is loopback/], // the URL parser reads it as 127.0.0.1
      ["https://localhost/hook", undefined, /localhost is loopback/],
      ["https://api.localhost/hook", undefined, /loopback/],
      ["https://metadata.google.internal/", undefined, /not a public DNS name/],
      ["https://intranet/hook", undefined, /not a public DNS name/],
      ["https://hooks.example.test/x", resolvesTo("127.0.0.1"), /hooks\.example\.test resolves to 127\.0\.0\.1, which is loopback/],
      ["https://hooks.example.test/x", resolvesTo("93.184.215.14", "10.0.0.7"), /resolves to 10\.0\.0\.7, which is private/],
      ["http://hooks.example.com/x", resolvesTo("93.184.215.14"), /must use https/],
      ["https://user:pw@hooks.example.com/x", resolvesTo("93.184.215.14"), /credentials/],
    ];
    for (const [url, lookup, message] of cases) await expect(checkWebhookUrl(url, { ...strict, lookup }), url).rejects.toThrow(message);
  });

  it("refuses localhost by name, and by what the system resolver answers for it", async () => {
    await expect(checkWebhookUrl("https://localhost./hook", strict)).rejects.toThrow(/localhost is loopback/);
    const error = await new Promise<Error | null>((resolve) => guardedLookup(strict)("localhost", {}, (err) => resolve(err)));
    expect(error?.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), which is (loopback|unspecified, loopback)/);
  });

  it("accepts public addresses and names, and a name that does not resolve yet (each delivery resolves it again)", async () => {
    expect((await checkWebhookUrl("https://hooks.example.com/in?x=1", { ...strict, lookup: resolvesTo("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c") })).href).toBe(
      "https://hooks.example.com/in?x=1",
    );
    const notFound: Lookup = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect((await checkWebhookUrl("https://not-yet.example.com/", { ...strict, lookup: notFound })).hostname).toBe("not-yet.example.com");
  });

  it("allows private addresses and http only with WEBHOOK_ALLOW_PRIVATE", async () => {
    expect((await checkWebhookUrl("http://127.0.0.1:9/hook", { allowPrivate: true })).port).toBe("9");
  });

  describe("at delivery time", () => {
    let server: http.Server;
    let port = 0;
    const received: string[] = [];
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        received.push(req.url ?? "");
        res.end("ok");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("refuses a name that now resolves to a private address (DNS rebinding) before connecting", async () => {
      // Registered while it resolved to a public address; the receiver listens on the loopback address it now gives.
      const result = await postWebhook(`https://rebound.example.test:${port}/rebound`, "{}", {}, { allowPrivate: false, lookup: resolvesTo("127.0.0.1") });
      expect(result).toMatchObject({ isSuccess: false, statusCode: null });
      expect(result.error).toMatch(/^refused: .*resolves to 127\.0\.0\.1, which is loopback/);
      const literal = await postWebhook(`https://127.0.0.1:${port}/literal`, "{}", {}, { allowPrivate: false });
      expect(literal.error).toMatch(/^refused: .*127\.0\.0\.1 is loopback/);
      expect(received).toEqual([]);
    });

    it("connects to the checked address when private addresses are allowed", async () => {
      const result = await postWebhook(`http://receiver.example.test:${port}/allowed`, "{}", {}, { allowPrivate: true, lookup: resolvesTo("127.0.0.1") });
      expect(result).toMatchObject({ isSuccess: true, statusCode: 200, responseExcerpt: "ok" });
      expect(received).toEqual(["/allowed"]);
    });
  });
});
