// vitest runs outside Next, where `import "server-only"` would throw; this empty module stands in for it.
export {};
