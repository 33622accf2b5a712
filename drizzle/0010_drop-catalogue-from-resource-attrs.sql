-- The sync no longer keeps DO's catalogue data inside resources (a region's sizes, features and availability; a size's
-- and an image's regions): see `withoutCatalogue` in lib/inventory/sync/normalise.ts. Trim what earlier syncs stored
-- the same way and clear the content hash, so the next sync refreshes the hash quietly instead of recording an
-- `updated` event on every droplet, volume and load balancer.
UPDATE "cloud_resources"
SET "attrs" = "attrs" #- '{region,sizes}' #- '{region,features}' #- '{region,available}' #- '{size,regions}' #- '{size,available}' #- '{image,regions}',
    "content_hash" = NULL
WHERE "kind" IN ('droplet', 'volume', 'load_balancer')
  AND ("attrs" -> 'region' ?| array['sizes', 'features', 'available']
    OR ("kind" = 'droplet' AND ("attrs" -> 'size' ?| array['regions', 'available'] OR "attrs" -> 'image' ? 'regions')));
