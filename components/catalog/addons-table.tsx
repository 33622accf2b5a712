import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TBody, THead, Table, Td, Th } from "@/components/ui/table";
import type { AdminAddon } from "@/lib/catalog/addons";
import { formatQuantity, resourceKindLabel } from "@/lib/catalog/resource-kind-labels";
import type { ServerAction } from "@/lib/http/action-result";
import { formatMoney } from "@/lib/money/format-money";

/** Every add-on, on sale or not, each with the confirmation that takes it off sale or puts it back. */
export function AddonsTable({ addons, setActive }: { addons: AdminAddon[]; setActive: ServerAction }) {
  return (
    <Table caption="Add-ons">
      <THead>
        <Th>Add-on</Th>
        <Th>Code</Th>
        <Th>Adds</Th>
        <Th align="right">Monthly price</Th>
        <Th>Status</Th>
        <Th>
          <span className="sr-only">Actions</span>
        </Th>
      </THead>
      <TBody>
        {addons.map((a) => (
          <tr key={a.code}>
            <Th scope="row">{a.name}</Th>
            <Td className="font-mono text-xs">{a.code}</Td>
            <Td>
              {formatQuantity(a.resource_kind, a.qty)} <span className="text-slate-500">({resourceKindLabel(a.resource_kind)})</span>
            </Td>
            <Td align="right">{formatMoney(a.price_cents, a.currency)}</Td>
            <Td>{a.is_active ? <Badge tone="green">On sale</Badge> : <Badge>Off sale</Badge>}</Td>
            <Td align="right">
              <ConfirmDialog
                trigger={a.is_active ? "Take off sale" : "Put on sale"}
                triggerVariant="ghost"
                title={a.is_active ? `Take ${a.name} off sale?` : `Put ${a.name} back on sale?`}
                confirmLabel={a.is_active ? "Take off sale" : "Put on sale"}
                pendingLabel="Saving…"
                confirmVariant={a.is_active ? "danger" : "primary"}
                action={setActive}
                fields={{ code: a.code, active: a.is_active ? "false" : "true" }}
              >
                <p>
                  {a.is_active
                    ? "Tenants will no longer see it on the plans page or in the API. Tenants who already bought it keep it."
                    : "Tenants will see it on the plans page and in the API again."}
                </p>
              </ConfirmDialog>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
