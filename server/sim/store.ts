import { LOG_IDS_PER_BUILD } from "./build-log.ts";
import type { Features } from "./features.ts";
import type { ApiKey, ExternalAuthProvider, Organization, Task, Template, TemplateVersion, User, Workspace } from "./model.ts";

/** Every record of one simulated deployment. Lookups by id are maps; tasks also keep creation order. */
export class Store {
  /** What this deployment's Coder version has, where it shows in the data (features.ts). */
  constructor(readonly features: Features) {}

  readonly organizations = new Map<string, Organization>();
  readonly users = new Map<string, User>();
  readonly apiKeys = new Map<string, ApiKey>();
  readonly templates = new Map<string, Template>();
  readonly versions = new Map<string, TemplateVersion>();
  readonly workspaces = new Map<string, Workspace>();
  readonly tasks = new Map<string, Task>();
  /** The deployment's external auth providers, by id. */
  readonly externalAuthProviders = new Map<string, ExternalAuthProvider>();
  /** Agent token → workspace id, for the agent-side endpoints. */
  readonly agentTokens = new Map<string, string>();
  /** Bumped on every change that a task's JSON can show, so whole answers can be reused until the next. */
  revision = 0;
  private logIds = 0;
  private readonly watchers = new Map<string, Set<() => void>>();

  /** The base of a new job's or agent's log ids: Coder's are one sequence, rising across every log. */
  nextLogIdBase(): number {
    const base = this.logIds;
    this.logIds += LOG_IDS_PER_BUILD;
    return base;
  }

  /** Calls `listener` on every change to the workspace (Coder's workspace pubsub channel); returns the unsubscribe. */
  watchWorkspace(id: string, listener: () => void): () => void {
    let set = this.watchers.get(id);
    if (!set) this.watchers.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.watchers.delete(id);
    };
  }

  /** One workspace event: every watcher of the workspace hears of it. */
  publishWorkspace(id: string): void {
    const set = this.watchers.get(id);
    if (set) for (const listener of set) listener();
  }

  userByUsername(username: string): User | undefined {
    const wanted = username.toLowerCase();
    for (const user of this.users.values()) if (user.username.toLowerCase() === wanted) return user;
    return undefined;
  }

  userByEmail(email: string): User | undefined {
    const wanted = email.toLowerCase();
    for (const user of this.users.values()) if (user.email.toLowerCase() === wanted) return user;
    return undefined;
  }

  organizationByName(name: string): Organization | undefined {
    for (const org of this.organizations.values()) if (org.name === name) return org;
    return undefined;
  }

  defaultOrganization(): Organization {
    for (const org of this.organizations.values()) if (org.isDefault) return org;
    throw new Error("the simulator has no default organization");
  }

  liveTaskByOwnerAndName(ownerId: string, name: string): Task | undefined {
    const wanted = name.toLowerCase();
    for (const task of this.tasks.values()) {
      if (task.deletedAt === null && task.ownerId === ownerId && task.name.toLowerCase() === wanted) return task;
    }
    return undefined;
  }

  liveWorkspaceByOwnerAndName(ownerId: string, name: string): Workspace | undefined {
    const wanted = name.toLowerCase();
    for (const ws of this.workspaces.values()) {
      if (!ws.deleted && ws.ownerId === ownerId && ws.name.toLowerCase() === wanted) return ws;
    }
    return undefined;
  }

  workspaceOf(task: Task): Workspace | undefined {
    return task.workspaceId === null ? undefined : this.workspaces.get(task.workspaceId);
  }
}
