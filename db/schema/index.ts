export * from "./auth";
export * from "./resources";
