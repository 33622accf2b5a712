import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

/** s3rver's fixed credentials. */
export const s3rverKeys = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type S3rver = Awaited<ReturnType<typeof startS3rver>>;

/**
 * A local S3-compatible server (s3rver in a child process, storing under a temp dir) for tests of the Spaces client:
 * `endpoint` goes where DO's `https://<region>.digitaloceanspaces.com` would. `putBucket` creates a bucket with
 * objects of the given sizes in bytes.
 */
export async function startS3rver() {
  const dir = mkdtempSync(path.join(tmpdir(), "s3rver-"));
  const child = spawn(process.execPath, ["--openssl-legacy-provider", path.join(import.meta.dirname, "s3rver-child.mjs"), dir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once("exit", (code) => reject(new Error(`s3rver exited with ${code} before listening`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const s3 = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials: s3rverKeys });
  return {
    endpoint,
    async putBucket(name: string, objectSizes: readonly number[] = []) {
      await s3.send(new CreateBucketCommand({ Bucket: name }));
      for (const [i, size] of objectSizes.entries()) {
        await s3.send(new PutObjectCommand({ Bucket: name, Key: `object-${String(i).padStart(5, "0")}`, Body: Buffer.alloc(size, 120) }));
      }
    },
    async putObject(bucket: string, key: string, size: number) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.alloc(size, 120) }));
    },
    async deleteBucket(name: string) {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: name }));
      for (const o of listed.Contents ?? []) await s3.send(new DeleteObjectCommand({ Bucket: name, Key: o.Key }));
      await s3.send(new DeleteBucketCommand({ Bucket: name }));
    },
    async close() {
      s3.destroy();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
