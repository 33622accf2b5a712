import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Wait this long before answering (a slow or hung receiver). */
  delayMs?: number;
}

/**
 * A real HTTP receiver on 127.0.0.1 for webhook tests: records every request and answers what `answer` says
 * (204 by default). Tests that send to it allow private addresses, as WEBHOOK_ALLOW_PRIVATE=1 does.
 */
export async function startWebhookReceiver(initial: (req: ReceivedRequest) => Answer = () => ({ status: 204 })) {
  const received: ReceivedRequest[] = [];
  let answer = initial;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r: ReceivedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")])),
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(r);
      const a = answer(r);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(a.status, a.headers);
        res.end(a.body);
      };
      if (a.delayMs) setTimeout(send, a.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    setAnswer(next: (req: ReceivedRequest) => Answer) {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
