import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type S3rver, s3rverKeys, startS3rver } from "@/test/start-s3rver";
import { createSpacesClient, type SpacesBucket, SpacesCredentialsRejectedError, SpacesIncompleteListingError } from "./spaces-client";

let s3: S3rver;

beforeAll(async () => {
  s3 = await startS3rver();
  await s3.putBucket("tenant-acme--media", [100, 200, 300]);
  await s3.putBucket("arcadia-assets");
  await s3.putBucket("paged", [10, 20, 30, 40, 50]);
}, 60_000);
afterAll(() => s3.close());

async function list(options: Partial<Parameters<typeof createSpacesClient>[0]> = {}) {
  const client = createSpacesClient({ ...s3rverKeys, regions: ["syd1", "sgp1"], endpoint: s3.endpoint, ...options });
  const pages: SpacesBucket[][] = [];
  try {
    for await (const page of client.listBuckets()) pages.push(page);
  } finally {
    client.close();
  }
  return pages;
}

describe("createSpacesClient against a real S3-compatible server", () => {
  it("lists every bucket once with its stored bytes (the sum of its objects) and object count", async () => {
    const pages = await list();
    // One endpoint serves every region here, so it is listed once; its buckets are in the first region.
    expect(pages).toHaveLength(1);
    const byName = Object.fromEntries(pages[0]!.map((b) => [b.name, b]));
    expect(byName["tenant-acme--media"]).toMatchObject({ region: "syd1", storedBytes: 600, objectCount: 3, tags: [] });
    expect(byName["arcadia-assets"]).toMatchObject({ storedBytes: 0, objectCount: 0 });
    expect(byName["tenant-acme--media"]?.createdAt).toBeInstanceOf(Date);
  });

  it("follows ListObjectsV2 continuation tokens: five objects in pages of two", async () => {
    const [page] = await list({ pageSize: 2 });
    expect(page?.find((b) => b.name === "paged")).toMatchObject({ storedBytes: 150, objectCount: 5 });
  });

  it("a refused key stops the listing with a message that names the settings, not the secret", async () => {
    const error = await list({ accessKeyId: "WRONG", secretAccessKey: "super-secret-value" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpacesCredentialsRejectedError);
    expect(String(error)).toContain("SPACES_ACCESS_KEY_ID");
    expect(String(error)).not.toContain("super-secret-value");
  });

  it("an endpoint that does not answer makes the listing incomplete, never empty-and-done", async () => {
    const error = await list({ endpoint: "http://127.0.0.1:9" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpacesIncompleteListingError);
  });
});
