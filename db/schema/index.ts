export * from "./auth";
export * from "./jobs";
export * from "./resources";
export * from "./catalog";
export * from "./drift";
export * from "./costs";
export * from "./billing";
export * from "./usage-samples";
