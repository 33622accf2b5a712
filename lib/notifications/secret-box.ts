import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { BaseEnv } from "@/lib/platform/env";

/**
 * Webhook signing secrets must be recoverable (they sign every delivery), so they are stored encrypted, never hashed:
 * AES-256-GCM under a key derived (HKDF-SHA256) from WEBHOOK_SECRET_KEY, or from NEXTAUTH_SECRET when that is unset.
 * The stored form is `v1.<iv>.<tag>.<ciphertext>` (base64url). Changing the key makes the stored secrets unreadable:
 * deliveries then fail saying so, and each endpoint needs a new secret.
 */
export type SecretKey = Buffer & { readonly __secretKey: unique symbol };

export class SecretKeyMissingError extends Error {
  constructor() {
    super("Webhook secrets need a key: set WEBHOOK_SECRET_KEY (or NEXTAUTH_SECRET) to at least 32 characters");
    this.name = "SecretKeyMissingError";
  }
}

export class SecretUnreadableError extends Error {
  constructor() {
    super("The endpoint's signing secret cannot be decrypted with the configured key (WEBHOOK_SECRET_KEY or NEXTAUTH_SECRET changed?): rotate its secret");
    this.name = "SecretUnreadableError";
  }
}

export function deriveSecretKey(material: string): SecretKey {
  return Buffer.from(hkdfSync("sha256", material, "arcadia-cloud", "webhook-signing-secrets v1", 32)) as SecretKey;
}

export function secretKeyFromEnv(e: Pick<BaseEnv, "WEBHOOK_SECRET_KEY" | "NEXTAUTH_SECRET">): SecretKey {
  const material = e.WEBHOOK_SECRET_KEY ?? e.NEXTAUTH_SECRET;
  if (!material || material.length < 32) throw new SecretKeyMissingError();
  return deriveSecretKey(material);
}

export function sealSecret(key: SecretKey, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export function openSecret(key: SecretKey, sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new SecretUnreadableError();
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadableError();
  }
}
