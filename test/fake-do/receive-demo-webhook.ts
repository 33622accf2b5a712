import type { IncomingMessage } from "node:http";

/** Where the demo seed (lib/demo/seed-demo-webhook.ts) points its webhook endpoint, on the fake's own port. */
export const demoWebhookPath = "/demo/webhook-receiver";

const signedHeaders = ["webhook-id", "webhook-timestamp", "webhook-signature"] as const;

/**
 * Not DO's API: the demo's webhook receiver, served only with --demo-story so `npm run demo` has deliveries in its
 * log. It cannot verify signatures (the secret is sealed in the app's database), so it answers 204 to a POST carrying
 * the Standard Webhooks headers and a JSON body, 400 otherwise, and prints the event's type to the fake's log.
 */
export async function receiveDemoWebhook(req: IncomingMessage, body: string): Promise<{ status: number; text: string }> {
  if (req.method !== "POST") return { status: 405, text: '{"error":"POST only"}' };
  const missing = signedHeaders.filter((h) => !req.headers[h]);
  if (missing.length) return { status: 400, text: JSON.stringify({ error: `missing ${missing.join(", ")}` }) };
  let type: unknown;
  try {
    type = (JSON.parse(body) as { type?: unknown }).type;
  } catch {
    return { status: 400, text: '{"error":"the body is not JSON"}' };
  }
  console.log(`demo webhook receiver: ${String(type)} (${String(req.headers["webhook-id"])})`);
  return { status: 204, text: "" };
}
