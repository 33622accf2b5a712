import { Badge } from "@/components/ui/badge";
import type { CostLineItem } from "@/lib/costs/schemas";

/** How a line stands: matched (and how), unmatched, or not a resource line at all (tax, credit, other). */
export function MatchBadge({ line }: { line: Pick<CostLineItem, "line_type" | "match_method" | "resource_id"> }) {
  if (line.resource_id) return <Badge tone="green">{line.match_method === "id" ? "by DO id" : "by name"}</Badge>;
  if (line.line_type === "tax") return <Badge tone="violet">tax</Badge>;
  if (line.line_type === "credit") return <Badge tone="blue">credit</Badge>;
  if (line.line_type === "other") return <Badge tone="neutral">no resource</Badge>;
  return <Badge tone="amber">unmatched</Badge>;
}
