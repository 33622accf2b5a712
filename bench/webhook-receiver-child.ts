// Child process for the notifications benchmark: a webhook receiver on 127.0.0.1 with a core of its own, as a real
// receiver would be. Answers 204 to every POST, counts them and their distinct webhook-ids, keeps every 500th request
// for the parent to verify; GET /stats answers the figures, GET /quit exits. Prints `ready <port>`.
import http from "node:http";
import type { AddressInfo } from "node:net";

let received = 0;
const ids = new Set<string>();
const samples: { headers: Record<string, string>; body: string }[] = [];

const server = http.createServer((req, res) => {
  if (req.method === "GET") {
    if (req.url === "/quit") {
      res.end();
      process.exit(0);
    }
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ received, distinctIds: ids.size, samples }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    if (received++ % 500 === 0) samples.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
    ids.add(String(req.headers["webhook-id"]));
    res.writeHead(204).end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`ready ${(server.address() as AddressInfo).port}`));
