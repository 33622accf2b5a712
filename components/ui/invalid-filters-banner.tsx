import { Banner } from "./banner";

/** What a list page says when its address held parameters it dropped (see parseSearchParams). */
export function InvalidFiltersBanner({ isShown }: { isShown: boolean }) {
  if (!isShown) return null;
  return (
    <div className="mb-4">
      <Banner tone="warning">Some filters in the address were not valid and were ignored.</Banner>
    </div>
  );
}
