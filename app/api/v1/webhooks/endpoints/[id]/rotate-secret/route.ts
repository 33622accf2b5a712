import { getDb } from "@/db";
import { apiMethods } from "@/lib/http/api-methods";
import { withApiAuth } from "@/lib/http/api-route";
import { ok } from "@/lib/http/envelope";
import { rotateWebhookSecret } from "@/lib/notifications/endpoints";
import { rotateWebhookSecretOp } from "@/lib/notifications/operations";
import { notificationSettings } from "@/lib/notifications/settings";
import { env } from "@/lib/platform/env";

export const dynamic = "force-dynamic";

const handler = withApiAuth(rotateWebhookSecretOp, async ({ params }) => ok(await rotateWebhookSecret(getDb(), params.id, notificationSettings(env()))));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiMethods(handler);
