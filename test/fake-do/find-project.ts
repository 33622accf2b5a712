import type { FakeAccount, FakeProject } from "./types";

// Which DO project a resource sits in, derived from its name and tags so that tests which add or edit resources
// directly never have to keep a second mapping in step.

export function getProjectName(name: string, tags: readonly string[] = []): string {
  if (name.startsWith("tenant-") || tags.some((tag) => tag.startsWith("tenant:"))) return "tenants";
  if (name.startsWith("arcadia") || tags.includes("arcadia")) return "arcadia";
  return "default";
}

/** The named project, or the account's default one when the account has fewer projects. */
export function findProject(projects: readonly FakeProject[], projectName: string): FakeProject | undefined {
  return projects.find((p) => p.name === projectName) ?? projects.find((p) => p.is_default) ?? projects[0];
}

export function findProjectFor(account: Pick<FakeAccount, "projects">, name: string, tags?: readonly string[]) {
  return findProject(account.projects, getProjectName(name, tags));
}
