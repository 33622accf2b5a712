import { z } from "zod";
import { eventCatalog, eventTypes } from "./event-catalog";

export const webhookEventsTag = { name: "Webhook events", description: "What arcadia-cloud POSTs to a registered webhook endpoint, one entry per event type" };

const headers = [
  { name: "webhook-id", description: "The event's stable id: the same on every attempt and resend, so a receiver can drop repeats" },
  { name: "webhook-timestamp", description: "The attempt's time, in seconds since the epoch; refuse ones far from now (replays)" },
  {
    name: "webhook-signature",
    description:
      "`v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` keyed with the endpoint's secret (base64 after `whsec_`); during a rotation's overlap two signatures, space-separated. Verify with any Standard Webhooks library.",
  },
];

const pascal = (type: string) => type.replace(/(^|[._])(\w)/g, (_, __, c: string) => c.toUpperCase());

/**
 * The `webhooks` section of the OpenAPI 3.1 document: one POST per event type, with the Standard Webhooks headers
 * and the body `{ type, timestamp, data }` whose `data` is the catalogue's schema.
 */
export function webhookEventsDocument(): Record<string, unknown> {
  return Object.fromEntries(
    eventTypes.map((type) => {
      const { schema, summary } = eventCatalog[type];
      const { $schema: _drop, ...data } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "output", unrepresentable: "any" }) as Record<string, unknown>;
      return [
        type,
        {
          post: {
            operationId: `on${pascal(type)}`,
            summary: `${type}: ${summary}`,
            tags: [webhookEventsTag.name],
            security: [],
            parameters: headers.map((h) => ({ ...h, in: "header", required: true, schema: { type: "string" } })),
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["type", "timestamp", "data"],
                    properties: {
                      type: { const: type },
                      timestamp: { type: "string", format: "date-time", description: "When the change happened" },
                      data,
                    },
                  },
                },
              },
            },
            responses: {
              "200": { description: "Any 2xx acknowledges the delivery. Anything else (a redirect too), or no answer within 10 s, is retried on the schedule." },
            },
          },
        },
      ];
    }),
  );
}
