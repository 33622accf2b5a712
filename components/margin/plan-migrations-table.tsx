import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { MigrationBatch } from "@/lib/billing/migrate-subscriptions";

/** Every recorded move of a plan's subscriptions between versions, newest first. */
export function PlanMigrationsTable({ planName, migrations }: { planName: string; migrations: MigrationBatch[] }) {
  return (
    <Table caption={`Recorded migrations of ${planName}`}>
      <THead>
        <Th>Recorded</Th>
        <Th>Move</Th>
        <Th align="right">Subscriptions</Th>
        <Th>Takes effect</Th>
        <Th>By</Th>
      </THead>
      <TBody>
        {migrations.map((m) => (
          <tr key={`${m.recordedAt}-${m.fromVersion}-${m.effectiveAt}`}>
            <Td>{formatDateTime(m.recordedAt)}</Td>
            <Td>
              Version {m.fromVersion} → {m.toVersion}
            </Td>
            <Td align="right">{m.count}</Td>
            <Td>{formatDateTime(m.effectiveAt)}</Td>
            <Td>{m.migratedBy ?? "—"}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
