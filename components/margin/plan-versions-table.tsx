import { statusTone } from "@/components/catalog/catalog-format";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { VersionDetail } from "@/lib/catalog/schemas";
import type { ServerAction } from "@/lib/http/action-result";
import { formatMoney } from "@/lib/money/format-money";

/**
 * A plan's versions with their running subscriptions; a retired version's subscriptions can be migrated to the active
 * one, now or from the start of `nextMonth`, after a confirmation.
 */
export function PlanVersionsTable({
  plan,
  versions,
  counts,
  nextMonth,
  migrate,
}: {
  plan: { code: string; name: string };
  versions: VersionDetail[];
  /** Running subscriptions by version id. */
  counts: Map<string, number>;
  nextMonth: string;
  migrate: ServerAction;
}) {
  const active = versions.find((v) => v.status === "active");
  return (
    <Table caption={`Versions of ${plan.name} and their running subscriptions`}>
      <THead>
        <Th>Version</Th>
        <Th>Status</Th>
        <Th align="right">Base price</Th>
        <Th align="right">Running subscriptions</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {versions.map((v) => {
          const n = counts.get(v.id) ?? 0;
          const canMove = active && v.status === "retired" && n > 0;
          return (
            <tr key={v.id}>
              <Th scope="row">Version {v.version}</Th>
              <Td>
                <Badge tone={statusTone[v.status]}>{v.status}</Badge>
              </Td>
              <Td align="right">{formatMoney(v.base_price_cents, v.currency)}</Td>
              <Td align="right">{n}</Td>
              <Td>
                {canMove ? (
                  <ConfirmDialog
                    trigger={`Migrate ${n} to version ${active.version}…`}
                    title={`Move ${n} ${n === 1 ? "subscription" : "subscriptions"} from version ${v.version} to version ${active.version}?`}
                    confirmLabel="Move subscriptions"
                    pendingLabel="Moving…"
                    action={migrate}
                    fields={{ version_id: v.id, plan_code: plan.code }}
                  >
                    <p>
                      They will be billed {formatMoney(active.base_price_cents, active.currency)} a month (now{" "}
                      {formatMoney(v.base_price_cents, v.currency)}) with version {active.version}&apos;s allowances. The move is recorded per subscription.
                    </p>
                    <fieldset className="flex flex-col gap-2">
                      <legend className="mb-1 font-semibold text-slate-900">When</legend>
                      <label className="flex items-center gap-2">
                        <input type="radio" name="timing" value="next_month" defaultChecked className="size-4" />
                        From the start of {nextMonth}
                      </label>
                      <label className="flex items-center gap-2">
                        <input type="radio" name="timing" value="now" className="size-4" />
                        Now (this month is pro-rated between the two versions)
                      </label>
                    </fieldset>
                  </ConfirmDialog>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
