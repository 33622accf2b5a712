import { SectionTabs } from "@/components/ui/section-tabs";

const tabs = [
  { href: "/costs", label: "Cost lines" },
  { href: "/costs/explore", label: "Grouped" },
  { href: "/costs/invoices", label: "Invoices" },
  { href: "/costs/balance", label: "Month to date" },
  { href: "/costs/budgets", label: "Budgets" },
] as const;

/** The costs section's views. */
export function CostsNav({ current }: { current: (typeof tabs)[number]["href"] }) {
  return <SectionTabs label="Costs views" tabs={tabs} current={current} />;
}
