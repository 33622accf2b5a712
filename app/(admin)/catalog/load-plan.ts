import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { getPlanDetail, type PlanDetail } from "@/lib/catalog/plans";
import { isApiError } from "@/lib/http/errors";

/** The plan behind a /catalog/<code>/… page; an unknown code is the 404 page. */
export async function loadPlan(code: string): Promise<PlanDetail> {
  try {
    return await getPlanDetail(getDb(), code);
  } catch (e) {
    if (isApiError(e) && e.code === "not_found") notFound();
    throw e;
  }
}
