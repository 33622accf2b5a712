-- A resource row is a few KB, most of it attrs (DO's own JSON). Left at the default (~2 KB), PostgreSQL compresses
-- every such row on every sync write and decompresses it on every read: keep rows up to a page inline instead.
ALTER TABLE "cloud_resources" SET (toast_tuple_target = 8160);
