import "server-only";
import type { BaseEnv } from "@/lib/platform/env";
import type { EmailSettings } from "./email-channel";
import { type SecretKey, secretKeyFromEnv } from "./secret-box";

export interface NotificationSettings {
  /** WEBHOOK_ALLOW_PRIVATE: endpoints may be private, loopback or link-local addresses (development and tests). */
  allowPrivate: boolean;
  /** The key that seals signing secrets; throws SecretKeyMissingError when none is configured. */
  secretKey: () => SecretKey;
  /** SMTP_URL, NOTIFY_FROM and NEXTAUTH_URL for the email channel. */
  email?: EmailSettings;
}

type SettingsEnv = Pick<BaseEnv, "WEBHOOK_ALLOW_PRIVATE" | "WEBHOOK_SECRET_KEY" | "NEXTAUTH_SECRET"> &
  Partial<Pick<BaseEnv, "SMTP_URL" | "NOTIFY_FROM" | "NEXTAUTH_URL">>;

export function notificationSettings(e: SettingsEnv): NotificationSettings {
  let key: SecretKey | undefined;
  return {
    allowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    secretKey: () => (key ??= secretKeyFromEnv(e)),
    email: { smtpUrl: e.SMTP_URL, from: e.NOTIFY_FROM ?? defaultNotifyFrom, consoleUrl: e.NEXTAUTH_URL },
  };
}

export const defaultNotifyFrom = "arcadia-cloud <notifications@localhost>";
