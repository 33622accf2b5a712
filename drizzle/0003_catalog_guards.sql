-- The catalog's history is never rewritten: subscriptions bind to plan versions and revenue is computed from them.
-- The domain layer refuses these changes with friendlier errors first; these triggers are the last line, so a stray
-- UPDATE from a console or a future bug cannot change what a tenant was sold.

-- A published (active or retired) plan version is immutable. Allowed: editing or deleting a draft, draft -> active,
-- and active -> retired with nothing but the status and retired_at (and updated_at) changing.
CREATE FUNCTION catalog_plan_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'plan version % is %: only drafts can be deleted', OLD.version, OLD.status
        USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_versions_immutable';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' AND NEW.status IN ('draft', 'active') THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'active' AND NEW.status = 'retired'
     AND (NEW.id, NEW.plan_id, NEW.version, NEW.base_price_cents, NEW.currency, NEW.billing_interval, NEW.created_by,
          NEW.created_at, NEW.published_by, NEW.published_at)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.plan_id, OLD.version, OLD.base_price_cents, OLD.currency, OLD.billing_interval, OLD.created_by,
          OLD.created_at, OLD.published_by, OLD.published_at) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'plan version % is %: published versions cannot be changed', OLD.version, OLD.status
    USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_versions_immutable';
END $$;
--> statement-breakpoint
CREATE TRIGGER plan_versions_guard BEFORE UPDATE OR DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION catalog_plan_versions_guard();
--> statement-breakpoint
-- Items belong to their version: they change only while it is a draft. A draft being deleted cascades here after its
-- row is gone, which is why a missing version is allowed.
CREATE FUNCTION catalog_plan_items_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_status text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT status INTO v_status FROM plan_versions WHERE id = OLD.version_id;
    IF v_status IS NOT NULL AND v_status <> 'draft' THEN
      RAISE EXCEPTION 'the items of a % plan version cannot be changed', v_status
        USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_items_immutable';
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT status INTO v_status FROM plan_versions WHERE id = NEW.version_id;
    IF v_status IS NOT NULL AND v_status <> 'draft' THEN
      RAISE EXCEPTION 'the items of a % plan version cannot be changed', v_status
        USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_items_immutable';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER plan_items_guard BEFORE INSERT OR UPDATE OR DELETE ON plan_items
  FOR EACH ROW EXECUTE FUNCTION catalog_plan_items_guard();
--> statement-breakpoint
-- Periods of one resource kind never overlap. An exclusion constraint would say this declaratively, but it needs
-- btree_gist, which embedded PGlite does not load. The advisory lock serialises writers of one kind, so two
-- transactions cannot both pass the check; in READ COMMITTED the check's snapshot is taken after the lock is granted,
-- so it sees the other writer's committed row.
CREATE FUNCTION catalog_resource_prices_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('arcadia.resource_prices'), hashtext(NEW.resource_kind));
  IF EXISTS (
    SELECT 1 FROM resource_prices
    WHERE resource_kind = NEW.resource_kind
      AND id <> NEW.id
      AND tstzrange(effective_from, effective_to, '[)') && tstzrange(NEW.effective_from, NEW.effective_to, '[)')
  ) THEN
    RAISE EXCEPTION 'a % price already covers part of the period starting %', NEW.resource_kind, NEW.effective_from
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'resource_prices_no_overlap';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER resource_prices_guard BEFORE INSERT OR UPDATE ON resource_prices
  FOR EACH ROW EXECUTE FUNCTION catalog_resource_prices_guard();
