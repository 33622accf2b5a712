import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    include: ["{lib,db,app,inngest,jobs,test,scripts,components}/**/*.test.{ts,tsx}"],
    environment: "node",
    setupFiles: ["test/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; two cores, so keep the pool small.
    maxWorkers: 2,
  },
});
