import type { Metadata } from "next";
import { NewPlanForm } from "@/components/catalog/new-plan-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { createPlanAction } from "../actions";

export const metadata: Metadata = { title: "New plan" };

export default function NewPlanPage() {
  return (
    <>
      <PageHeader title="New plan" description="The plan starts as a draft: add what it includes, then publish it to put it on sale." />
      <Card className="p-5">
        <NewPlanForm action={createPlanAction} />
      </Card>
    </>
  );
}
