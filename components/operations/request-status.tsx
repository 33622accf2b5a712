import { Badge } from "@/components/ui/badge";
import { statusLabel, statusTone } from "./request-labels";

export function RequestStatus({ status }: { status: string }) {
  return <Badge tone={statusTone(status)}>{statusLabel(status)}</Badge>;
}
