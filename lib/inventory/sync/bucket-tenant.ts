// Whose a Spaces bucket is. DO's Spaces has no tags of its own in the v2 API; S3 bucket tags work where the server
// offers them (`tenant` = `acme` reads as the tag `tenant:acme`), and otherwise the bucket's name says it: the tenant
// tag prefix with its colons as hyphens, the tenant id, then the end of the name or `--` and anything. With the
// default prefix `tenant:`, `tenant-acme` and `tenant-acme--media` are acme's; `tenant-acme-media` is tenant
// "acme-media"'s. Bucket names are lower case, so a tenant whose id has capitals or colons needs the tag.

/** The name prefix that marks a tenant's bucket, from the tag prefix: `tenant:` → `tenant-`. */
export function bucketNamePrefix(tagPrefix: string): string {
  return tagPrefix.toLowerCase().replace(/:/g, "-");
}

/** The tenant tag a bucket carries: from its tags when one has the prefix, else from its name; null for neither. */
export function bucketTenantTag(name: string, tags: readonly string[], tagPrefix: string): string | null {
  const tagged = tags.find((t) => t.startsWith(tagPrefix) && t.length > tagPrefix.length);
  if (tagged) return tagged;
  const namePrefix = bucketNamePrefix(tagPrefix);
  if (!namePrefix || !name.startsWith(namePrefix)) return null;
  const tenant = name.slice(namePrefix.length).split("--")[0];
  return tenant ? `${tagPrefix}${tenant}` : null;
}
