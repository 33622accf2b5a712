import { SectionTabs } from "@/components/ui/section-tabs";

const tabs = [
  { href: "/margin", label: "By month" },
  { href: "/margin/tenants", label: "Tenants" },
  { href: "/margin/plans", label: "Plans" },
  { href: "/margin/fx", label: "FX rates" },
] as const;

/** The margin section's views. */
export function MarginNav({ current }: { current: (typeof tabs)[number]["href"] }) {
  return <SectionTabs label="Margin views" tabs={tabs} current={current} />;
}
