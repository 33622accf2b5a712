import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { RequestDecisions } from "@/components/operations/request-decisions";
import { RequestFacts } from "@/components/operations/request-facts";
import { actionLabel, describeParams, isInFlight } from "@/components/operations/request-labels";
import { RequestTimeline } from "@/components/operations/request-timeline";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getRequest } from "@/lib/provisioning/get-request";
import { approveRequestAction, cancelRequestAction, rejectRequestAction } from "../actions";

export const metadata: Metadata = { title: "Provisioning request" };

const actions = { approve: approveRequestAction, reject: rejectRequestAction, cancel: cancelRequestAction };

export default async function OperationPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const request = await getRequest(getDb(), id.data);
  if (!request) notFound();
  return (
    <>
      <AutoRefresh active={isInFlight(request.status)} />
      <p className="mb-2 text-sm">
        <Link href={`/operations?tenant=${encodeURIComponent(request.tenant_id)}`} className="text-brand-700 hover:underline">
          ← Requests of {request.tenant_id}
        </Link>
      </p>
      <PageHeader
        title={`${actionLabel(request.action)} for ${request.tenant_id}`}
        description={describeParams(request.params) || undefined}
        actions={<RequestDecisions request={request} actions={actions} />}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <RequestFacts request={request} />
        <Card>
          <CardHeader title="Timeline" description="The saga's steps in the order they started, in UTC; it refreshes itself while the saga runs." />
          <RequestTimeline steps={request.steps} />
        </Card>
      </div>
    </>
  );
}
