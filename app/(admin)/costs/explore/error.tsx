"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** When the grouped costs could not be read (the database timed out, say): say so, and offer to try again. */
export default function CostsExploreError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card>
      <div role="alert">
        <EmptyState
          title="The grouped costs could not be loaded"
          action={
            <Button variant="secondary" onClick={() => reset()}>
              Try again
            </Button>
          }
        >
          <p>Nothing was changed. If it happens again, a shorter range or a single dimension asks less of the database.</p>
        </EmptyState>
      </div>
    </Card>
  );
}
