import { SectionTabs } from "@/components/ui/section-tabs";

const tabs = [
  { href: "/catalog", label: "Plans" },
  { href: "/catalog/addons", label: "Add-ons" },
  { href: "/catalog/resource-prices", label: "Resource prices" },
] as const;

/** The catalog editor's sections. */
export function CatalogTabs({ current }: { current: (typeof tabs)[number]["href"] }) {
  return <SectionTabs label="Catalog sections" tabs={tabs} current={current} />;
}
