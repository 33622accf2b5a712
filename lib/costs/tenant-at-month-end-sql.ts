import { type SQL, sql } from "drizzle-orm";

/**
 * The tenant a resource's cost lines of a month belong to, as the margin report attributes them: the first
 * `<prefix><id>` tag (in tag order) the resource carried at the end of the month, i.e. its tags now unless the event
 * log records a later tag change, whose old tags are the ones it had then. Null: shared cost.
 *
 * `resource` is an alias of a `cloud_resources` row in the enclosing query, `period` the month (a date).
 */
export function tenantAtMonthEndSql(resource: string, period: SQL, prefix: string): SQL {
  const r = sql.raw(resource);
  return sql`(
    select substr(t.tag, length(${prefix}) + 1)
    from unnest(coalesce((
      select case when jsonb_typeof(e.payload -> 'changes' -> 'tags' -> 'old') = 'array'
                  then array(select jsonb_array_elements_text(e.payload -> 'changes' -> 'tags' -> 'old')) end
      from cloud_resource_events e
      where e.resource_id = ${r}.id and e.at >= (${period} + interval '1 month') at time zone 'UTC'
        and e.type in ('updated', 'restored') and e.payload -> 'changes' -> 'tags' is not null
      order by e.at, e.id limit 1
    ), ${r}.tags)) with ordinality as t(tag, n)
    where left(t.tag, length(${prefix})) = ${prefix} and length(t.tag) > length(${prefix})
    order by t.n limit 1)`;
}
