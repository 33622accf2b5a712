import { Inngest } from "inngest";

/** The one Inngest client. Function ids are prefixed with its id: arcadia-cloud-<function>. */
export const inngest = new Inngest({ id: "arcadia-cloud" });
