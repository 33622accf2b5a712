import "server-only";
import type { ChannelEndpoint, NotificationChannel } from "./channels";
import { postWebhook } from "./post-webhook";
import { openSecret, SecretUnreadableError, type SecretKey } from "./secret-box";
import { webhookBody, webhookHeaders } from "./sign-webhook";

/** Standard Webhooks: the JSON body signed with the endpoint's secret (and the previous one during a rotation). */
export const webhookChannel: NotificationChannel = {
  async send(endpoint, event, ctx) {
    let secrets: string[];
    try {
      secrets = signingSecrets(endpoint, ctx.secretKey, ctx.now);
    } catch (err) {
      if (!(err instanceof SecretUnreadableError)) throw err;
      return { isSuccess: false, statusCode: null, latencyMs: 0, responseExcerpt: null, error: err.message };
    }
    const body = webhookBody(event);
    return postWebhook(endpoint.url, body, webhookHeaders(secrets, event.id, ctx.now, body), ctx);
  },
};

export function signingSecrets(endpoint: ChannelEndpoint, key: SecretKey, now: Date): string[] {
  if (!endpoint.secretCiphertext) throw new SecretUnreadableError();
  const secrets = [openSecret(key, endpoint.secretCiphertext)];
  const isOverlapping = endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  if (isOverlapping) secrets.push(openSecret(key, endpoint.previousSecretCiphertext!));
  return secrets;
}
