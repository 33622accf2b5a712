import { CostsHeader } from "@/components/costs/costs-header";
import { Card } from "@/components/ui/card";

/** While the grouped costs are summed: the section's header, and placeholders where the chart and table go. */
export default function Loading() {
  return (
    <>
      <CostsHeader current="/costs/explore" />
      <Card className="mb-4">
        <p role="status" className="px-5 py-4 text-sm text-slate-600">
          Summing the costs…
        </p>
        <div aria-hidden="true" className="mx-5 mb-5 h-80 animate-pulse rounded bg-slate-50" />
      </Card>
      <Card>
        <div aria-hidden="true" className="m-5 h-48 animate-pulse rounded bg-slate-50" />
      </Card>
    </>
  );
}
