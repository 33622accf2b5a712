import Link from "next/link";
import { Banner } from "@/components/ui/banner";

/** Which exchange rates a margin view lacks and what that hides (from describeMissingRates), with where to get them. */
export function MissingRatesBanner({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Banner tone="warning">
      {message}{" "}
      <Link href="/margin/fx" className="font-medium underline">
        Enter the rate or fetch the reference rates
      </Link>
      .
    </Banner>
  );
}
