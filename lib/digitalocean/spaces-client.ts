import "server-only";
import {
  GetBucketLocationCommand,
  GetBucketTaggingCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";

// Spaces buckets are not in DO's v2 API: they live behind the S3-compatible API, one endpoint per region
// (`https://<region>.digitaloceanspaces.com`), signed with a Spaces access key. Neither API reports a bucket's size,
// so it is the sum of its objects' sizes from a full ListObjectsV2 listing.

export interface SpacesBucket {
  name: string;
  region: string;
  createdAt: Date | null;
  storedBytes: number;
  objectCount: number;
  /** The bucket's S3 tags as `key:value` (`key` alone when the value is empty); none where tagging is unsupported. */
  tags: string[];
}

export interface SpacesClientOptions {
  accessKeyId: string;
  secretAccessKey: string;
  /** The regions to list, e.g. `syd1`, `sgp1`. */
  regions: readonly string[];
  /** One endpoint for every region instead of DO's (a local S3-compatible server in tests); path-style addressing. */
  endpoint?: string;
  /** Keys per ListObjectsV2 page; S3's maximum (and default) is 1,000. */
  pageSize?: number;
  /** A bucket listing stops with an error past this many pages instead of trusting the continuation token forever. */
  maxPages?: number;
}

/** The keys were refused: nothing about any bucket can be concluded. */
export class SpacesCredentialsRejectedError extends Error {
  constructor(detail: string) {
    super(`Spaces rejected the access key: check SPACES_ACCESS_KEY_ID and SPACES_SECRET_ACCESS_KEY (${detail})`);
    this.name = "SpacesCredentialsRejectedError";
  }
}

/** Some region or bucket could not be listed completely; the buckets that could were yielded before this. */
export class SpacesIncompleteListingError extends Error {
  constructor(problems: string[]) {
    super(`Spaces listing incomplete: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ""}`);
    this.name = "SpacesIncompleteListingError";
  }
}

/** The key itself refused; AccessDenied too when listing buckets (on one bucket it is that bucket's policy). */
const rejectedCodes = new Set(["InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken"]);
/** Answers that mean "no tags here" rather than a failure: none set, or tagging not offered by this server. */
const noTagCodes = new Set(["NoSuchTagSet", "NoSuchTagSetError", "NotImplemented", "MethodNotAllowed"]);

const codeOf = (e: unknown) => (e instanceof S3ServiceException ? e.name : undefined);
const describeS3Error = (e: unknown) => (e instanceof S3ServiceException ? `${e.name} (HTTP ${e.$metadata.httpStatusCode ?? "?"})` : e instanceof Error ? e.message : String(e));

export type SpacesClient = ReturnType<typeof createSpacesClient>;

export function createSpacesClient(options: SpacesClientOptions) {
  const clients = new Map<string, S3Client>();
  const clientFor = (region: string) => {
    const endpoint = options.endpoint ?? `https://${region}.digitaloceanspaces.com`;
    let client = clients.get(endpoint);
    if (!client) {
      client = new S3Client({
        // DO's endpoints take SigV4 for us-east-1 whatever the region: the endpoint picks the region.
        region: "us-east-1",
        endpoint,
        forcePathStyle: options.endpoint !== undefined,
        credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
      });
      clients.set(endpoint, client);
    }
    return client;
  };
  const pageSize = options.pageSize ?? 1_000;
  const maxPages = options.maxPages ?? 100_000;

  async function measure(client: S3Client, bucket: string): Promise<{ storedBytes: number; objectCount: number }> {
    let storedBytes = 0;
    let objectCount = 0;
    let token: string | undefined;
    const tokens = new Set<string>();
    for (let page = 1; ; page++) {
      const res = await client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: pageSize, ContinuationToken: token }));
      for (const o of res.Contents ?? []) {
        storedBytes += o.Size ?? 0;
        objectCount++;
      }
      if (!res.IsTruncated) return { storedBytes, objectCount };
      token = res.NextContinuationToken;
      if (!token || tokens.has(token) || page >= maxPages) throw new Error(`listing of ${bucket} did not end after ${page} pages`);
      tokens.add(token);
    }
  }

  async function tagsOf(client: S3Client, bucket: string): Promise<string[]> {
    try {
      const res = await client.send(new GetBucketTaggingCommand({ Bucket: bucket }));
      return (res.TagSet ?? []).flatMap((t) => (t.Key ? [t.Value ? `${t.Key}:${t.Value}` : t.Key] : []));
    } catch (e) {
      if (noTagCodes.has(codeOf(e) ?? "")) return [];
      throw e;
    }
  }

  async function locationOf(client: S3Client, bucket: string): Promise<string | undefined> {
    const res = await client.send(new GetBucketLocationCommand({ Bucket: bucket }));
    return res.LocationConstraint || undefined;
  }

  /**
   * Every bucket in the configured regions, a region's buckets per page, each with its stored bytes, object count and
   * tags. A bucket listed by several endpoints counts once, in the region its location names. With `endpoint` set
   * there is one endpoint to list. A refused key throws at once; any other failure (a region, a bucket) is thrown
   * after the last page as SpacesIncompleteListingError, so a consumer waiting for the end concludes nothing from it.
   */
  async function* listBuckets(): AsyncGenerator<SpacesBucket[], void, undefined> {
    const regions = options.endpoint ? options.regions.slice(0, 1) : options.regions;
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const region of regions) {
      const client = clientFor(region);
      let listed: { Name?: string; CreationDate?: Date }[];
      try {
        listed = (await client.send(new ListBucketsCommand({}))).Buckets ?? [];
      } catch (e) {
        if (rejectedCodes.has(codeOf(e) ?? "") || codeOf(e) === "AccessDenied") throw new SpacesCredentialsRejectedError(describeS3Error(e));
        problems.push(`${region}: ${describeS3Error(e)}`);
        continue;
      }
      const page: SpacesBucket[] = [];
      for (const { Name: name, CreationDate: createdAt } of listed) {
        if (!name || seen.has(name)) continue;
        seen.add(name);
        try {
          const home = (await locationOf(client, name)) ?? region;
          const own = options.endpoint ? client : clientFor(home);
          page.push({ name, region: home, createdAt: createdAt ?? null, ...(await measure(own, name)), tags: await tagsOf(own, name) });
        } catch (e) {
          if (rejectedCodes.has(codeOf(e) ?? "")) throw new SpacesCredentialsRejectedError(describeS3Error(e));
          problems.push(`${name}: ${describeS3Error(e)}`);
        }
      }
      yield page;
    }
    if (problems.length) throw new SpacesIncompleteListingError(problems);
  }

  const close = () => {
    for (const c of clients.values()) c.destroy();
  };
  return { listBuckets, close };
}
