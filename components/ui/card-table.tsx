import type { ReactNode } from "react";
import { Card, CardHeader } from "./card";

/**
 * The card a list sits in: a header (when titled), a toolbar (filters, a month picker), then the table, or its empty
 * state when there are no rows. The table and the empty state come from the page, which knows why a list is empty.
 */
export function CardTable({
  title,
  description,
  actions,
  toolbar,
  isEmpty,
  empty,
  className,
  children,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  toolbar?: ReactNode;
  isEmpty: boolean;
  empty: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className={className}>
      {title ? <CardHeader title={title} description={description} actions={actions} /> : null}
      {toolbar}
      {isEmpty ? empty : children}
    </Card>
  );
}
