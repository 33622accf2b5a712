"use server";

import { z } from "zod";
import { getDb } from "@/db";
import { getMarginTarget, marginTargetField } from "@/lib/billing/margin-target";
import { saveMarginTarget } from "@/lib/billing/save-margin-target";
import { adminAction } from "@/lib/http/admin-action";
import { formLevel } from "@/lib/http/parse-action-input";
import { describeDeliverNow, resendDeliveryNow, sendTestNotification } from "@/lib/notifications/deliver-now";
import { createEmailEndpoint } from "@/lib/notifications/email-endpoints";
import { createWebhookEndpoint } from "@/lib/notifications/endpoints";
import { type EventType, eventTypes } from "@/lib/notifications/event-catalog";
import { notificationSettings } from "@/lib/notifications/settings";
import { createSlackEndpoint } from "@/lib/notifications/slack-channel";
import { env } from "@/lib/platform/env";

/** Event types typed as a comma- or space-separated list (a form field cannot carry an array here). */
const eventList = z
  .string()
  .max(2000)
  .transform((s, ctx) => {
    const types = s.split(/[\s,]+/).filter(Boolean);
    // One message on the field itself (an issue per list item would name `events.1`, which no input is).
    const unknown = types.filter((t) => !(eventTypes as readonly string[]).includes(t));
    if (unknown.length) ctx.addIssue({ code: "custom", message: `Unknown event type: ${unknown.join(", ")}.` });
    else if (!types.length) ctx.addIssue({ code: "custom", message: "Name at least one event type." });
    return types as EventType[];
  });

const addWebhookForm = z.object({ url: z.string().trim().min(1, "Enter the endpoint's URL.").max(2000), events: eventList });

/** Registers a webhook endpoint; its signing secret is in the answer only, shown once. */
export const addWebhookEndpointAction = adminAction(
  addWebhookForm,
  async ({ url, events }, { actor }) => {
    const created = await createWebhookEndpoint(getDb(), { url, events }, { ...notificationSettings(env()), actor });
    return {
      message: `Endpoint added. Its signing secret, shown only now: ${created.secret}`,
      revalidate: ["/settings/notifications"],
    };
  },
  { failure: "Could not add the endpoint." },
);

const addEmailForm = z.object({
  email: z.email("Enter an email address."),
  events: eventList,
  // A checkbox: "on" when ticked, absent otherwise.
  digest: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

/** Which events reach an admin by email, immediately or in the daily digest. */
export const addEmailSubscriptionAction = adminAction(
  addEmailForm,
  async ({ email, events, digest }, { actor }) => {
    await createEmailEndpoint(getDb(), { email, events, digest }, actor);
    return { message: digest ? `${email} gets these events in a daily digest.` : `${email} gets these events by email as they happen.`, revalidate: ["/settings/notifications"] };
  },
  { failure: "Could not add the email subscription." },
);

/** A Slack incoming webhook subscribed to events; its URL is refused like a webhook's when private. */
export const addSlackEndpointAction = adminAction(
  addWebhookForm,
  async ({ url, events }, { actor }) => {
    await createSlackEndpoint(getDb(), { url, events }, { ...notificationSettings(env()), actor });
    return { message: "Slack channel added.", revalidate: ["/settings/notifications"] };
  },
  { failure: "Could not add the Slack channel." },
);

/** Send test and Resend answer the receiver's outcome; `isSuccess` colours it. */
export type DeliverNowAnswer = { isSuccess: boolean };

/** Sends a notification.test event to one endpoint now, through the real delivery path, and says what it answered. */
export const sendTestNotificationAction = adminAction(
  formLevel(z.object({ endpoint_id: z.uuid() }), "That endpoint could not be identified; reload the page."),
  async ({ endpoint_id }, { actor }) => {
    const { isSuccess, message } = describeDeliverNow(await sendTestNotification(getDb(), endpoint_id, actor, notificationSettings(env())));
    return { message, data: { isSuccess } as DeliverNowAnswer, revalidate: ["/settings/notifications"] };
  },
  { failure: "Could not send the test." },
);

/** Sends a delivery of the log again now, with a fresh retry schedule. */
export const resendDeliveryAction = adminAction(
  formLevel(z.object({ delivery_id: z.uuid() }), "That delivery could not be identified; reload the page."),
  async ({ delivery_id }) => {
    const { isSuccess, message } = describeDeliverNow(await resendDeliveryNow(getDb(), delivery_id, notificationSettings(env())));
    return { message, data: { isSuccess } as DeliverNowAnswer, revalidate: ["/settings/notifications"] };
  },
  { failure: "Could not resend the delivery." },
);

/** The target gross margin plans and tenants are judged against (margin.below_target), at once for the latest invoiced month; empty clears it. */
export const setMarginTargetAction = adminAction(
  z.object({ target: marginTargetField }),
  async ({ target }, { actor }) => {
    await saveMarginTarget(getDb(), target, actor, { tagPrefix: env().TENANT_TAG_PREFIX, currency: env().REPORTING_CURRENCY });
    const saved = await getMarginTarget(getDb());
    return {
      message: saved === null ? "No target margin: nothing is announced as below target." : `Target gross margin: ${saved} %.`,
      keepValues: true,
      revalidate: ["/settings/notifications"],
    };
  },
  { failure: "Could not save the target margin." },
);
