import "server-only";
import nodemailer from "nodemailer";
import type { ChannelEndpoint, NotificationChannel, OutboxEvent } from "./channels";
import { eventCatalog } from "./event-catalog";

/** SMTP_URL and NOTIFY_FROM, and the console's address for the links in a message. */
export interface EmailSettings {
  smtpUrl: string | undefined;
  from: string;
  consoleUrl: string | undefined;
}

export interface EmailMessage {
  subject: string;
  text: string;
}

/** An email endpoint's url is `mailto:<address>`: one table for every channel's subscribers. */
export function emailAddressOf(endpoint: Pick<ChannelEndpoint, "url">): string {
  return endpoint.url.replace(/^mailto:/, "");
}

function eventLines(event: OutboxEvent): string[] {
  const data = Object.entries(event.data).map(([k, v]) => `  ${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  return [`${event.type} at ${event.occurredAt.toISOString()}: ${eventCatalog[event.type]?.summary ?? ""}`, ...data];
}

function activityLink(settings: EmailSettings): string[] {
  return settings.consoleUrl ? ["", `In the console: ${new URL("/activity", settings.consoleUrl).toString()}`] : [];
}

export function eventEmail(event: OutboxEvent, settings: EmailSettings): EmailMessage {
  return { subject: `[arcadia-cloud] ${event.type}`, text: [...eventLines(event), ...activityLink(settings)].join("\n") };
}

/** One mail for a day's events, oldest first. */
export function digestEmail(events: readonly OutboxEvent[], settings: EmailSettings): EmailMessage {
  const body = events.flatMap((e) => [...eventLines(e), ""]);
  return { subject: `[arcadia-cloud] ${events.length} notification${events.length === 1 ? "" : "s"} today`, text: [...body, ...activityLink(settings)].join("\n") };
}

/** Sends one message over SMTP; a failure is described, never thrown (the drain's retry rules apply). */
export async function sendEmail(settings: EmailSettings, to: string, message: EmailMessage) {
  const started = performance.now();
  const fail = (error: string) => ({ isSuccess: false, statusCode: null, latencyMs: Math.round(performance.now() - started), responseExcerpt: null, error });
  if (!settings.smtpUrl) return fail("SMTP_URL is not set: email cannot be sent");
  try {
    const transport = nodemailer.createTransport(settings.smtpUrl);
    const info = await transport.sendMail({ from: settings.from, to, subject: message.subject, text: message.text });
    transport.close();
    return { isSuccess: true, statusCode: null, latencyMs: Math.round(performance.now() - started), responseExcerpt: String(info.response ?? "").slice(0, 200), error: null };
  } catch (err) {
    // The SMTP server's answer, never the URL (it may carry credentials).
    return fail(err instanceof Error ? err.message.slice(0, 200) : "SMTP send failed");
  }
}

export const emailChannel: NotificationChannel = {
  async send(endpoint, event, ctx) {
    if (!ctx.email) return { isSuccess: false, statusCode: null, latencyMs: 0, responseExcerpt: null, error: "SMTP_URL is not set: email cannot be sent" };
    return sendEmail(ctx.email, emailAddressOf(endpoint), eventEmail(event, ctx.email));
  },
};
