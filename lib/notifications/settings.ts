import "server-only";
import type { BaseEnv } from "@/lib/platform/env";
import { type SecretKey, secretKeyFromEnv } from "./secret-box";

export interface NotificationSettings {
  /** WEBHOOK_ALLOW_PRIVATE: endpoints may be private, loopback or link-local addresses (development and tests). */
  allowPrivate: boolean;
  /** The key that seals signing secrets; throws SecretKeyMissingError when none is configured. */
  secretKey: () => SecretKey;
}

export function notificationSettings(e: Pick<BaseEnv, "WEBHOOK_ALLOW_PRIVATE" | "WEBHOOK_SECRET_KEY" | "NEXTAUTH_SECRET">): NotificationSettings {
  let key: SecretKey | undefined;
  return {
    allowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    secretKey: () => (key ??= secretKeyFromEnv(e)),
  };
}
