import { PageHeader } from "@/components/ui/page-header";
import { CostsNav } from "./costs-nav";

/** The costs section's heading and its views, the same on each of them. */
export function CostsHeader({ current }: { current: Parameters<typeof CostsNav>[0]["current"] }) {
  return (
    <>
      <PageHeader title="Costs" description="What DigitalOcean charges us (cost of goods sold), line by line, matched to the resources it paid for." />
      <CostsNav current={current} />
    </>
  );
}
