import { ingestInvoiceJob } from "@/lib/costs/ingest-invoice-job";
import { jobFunction } from "../job-function";

/**
 * One invoice per run, on the event discover-invoices sends. Keyed by the invoice uuid: different invoices ingest side
 * by side, one invoice never twice at once (the header's row lock would serialise them anyway).
 */
export const ingestInvoice = jobFunction(ingestInvoiceJob, { callsDo: true, concurrencyKey: "event.data.uuid" });
