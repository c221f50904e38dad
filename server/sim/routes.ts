import { Hono } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import { requireUser, type Env, type Sim } from "./context.ts";
import { agentHandlers } from "./handlers/agent.ts";
import { authcheckHandlers } from "./handlers/authcheck.ts";
import { controlHandlers } from "./handlers/control.ts";
import { externalAuthHandlers } from "./handlers/external-auth.ts";
import { logHandlers } from "./handlers/logs.ts";
import { taskHandlers } from "./handlers/tasks.ts";
import { templateHandlers } from "./handlers/templates.ts";
import { userHandlers } from "./handlers/users.ts";
import { workspaceHandlers } from "./handlers/workspaces.ts";
import { isSiteOwner } from "./rbac.ts";
import { CoderError } from "./errors.ts";

export interface RouteOptions {
  advanceClock: (ms: number) => void;
}

/** The methods Go's chi router knows; any other is refused with 405 before routing. */
const ROUTER_METHODS = new Set(["CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"]);

/** /tasks, mounted twice with the same handlers, as Coder's coderd.go does; pause and resume where the version has them. */
function taskTable(sim: Sim, options: { pauseResume: boolean }): Hono<Env> {
  const tasks = taskHandlers(sim);
  const app = new Hono<Env>();
  app.use("*", requireUser(sim));
  app.get("/", tasks.list);
  app.post("/:user", tasks.create);
  app.get("/:user/:task", tasks.get);
  app.delete("/:user/:task", tasks.remove);
  app.patch("/:user/:task/input", tasks.updateInput);
  app.post("/:user/:task/send", tasks.send);
  app.get("/:user/:task/logs", tasks.logs);
  if (options.pauseResume) {
    app.post("/:user/:task/pause", tasks.pause);
    app.post("/:user/:task/resume", tasks.resume);
  }
  return app;
}

/** Every route of the simulator: which handler answers what, and who must be signed in. */
export function mountRoutes(root: Hono, sim: Sim, options: RouteOptions): void {
  const auth = requireUser(sim);
  const users = userHandlers(sim);
  const templates = templateHandlers(sim);
  const agent = agentHandlers(sim);
  const workspaces = workspaceHandlers(sim);
  const logs = logHandlers(sim);
  const authcheck = authcheckHandlers(sim);
  const externalAuth = externalAuthHandlers(sim);
  const control = controlHandlers(sim, options.advanceClock);

  // chi answers a method it does not know, and a known path asked with the wrong method, with an empty 405.
  root.use("*", async (c, next) => (ROUTER_METHODS.has(c.req.method) ? next() : c.body(null, 405)));
  root.use("*", methodNotAllowed({ app: root, onMethodNotAllowed: (c, methods) => c.body(null, 405, { Allow: allowed(methods) }) }));

  const v2 = new Hono<Env>();
  v2.get("/buildinfo", users.buildInfo);
  v2.get("/users/authmethods", users.authMethods);
  v2.post("/users/login", users.login);
  v2.post("/users/logout", auth, users.logout);
  v2.post("/authcheck", auth, authcheck.check);
  v2.get("/users", auth, users.listUsers);
  v2.get("/users/:user", auth, users.getUser);
  v2.get("/organizations", auth, users.listOrganizations);
  v2.get("/templates", auth, templates.listTemplates);
  v2.get("/templates/:id", auth, templates.getTemplate);
  v2.get("/templates/:id/versions", auth, templates.listVersions);
  v2.get("/templateversions/:id", auth, templates.getVersion);
  v2.get("/templateversions/:id/presets", auth, templates.listPresets);
  v2.get("/templateversions/:id/external-auth", auth, templates.listExternalAuth);
  v2.get("/users/:user/workspace/:workspacename", auth, workspaces.byOwnerAndName);
  v2.get("/workspaces", auth, workspaces.list);
  v2.get("/workspaces/:workspace", auth, workspaces.get);
  v2.get("/workspaces/:workspace/builds", auth, workspaces.builds);
  v2.get("/workspaces/:workspace/watch-ws", auth, logs.watchWs);
  v2.get("/workspaces/:workspace/watch", auth, logs.watchSse);
  v2.get("/workspacebuilds/:workspacebuild/logs", auth, logs.buildLogs);
  v2.get("/workspaceagents/:workspaceagent/logs", auth, logs.agentLogs);
  v2.patch("/workspaceagents/me/app-status", agent.reportAppStatus);
  // From v2.37 tasks are off unless enabled, and gone from v2.38: their routes are not there at all.
  const { features } = sim;
  if (features.tasks) {
    v2.post("/workspaceagents/me/tasks/:task/log-snapshot", agent.uploadSnapshot);
    if (features.stableTasks) v2.route("/tasks", taskTable(sim, { pauseResume: features.pauseUnderStable }));
  }
  root.route("/api/v2", v2);
  if (features.tasks) root.route("/api/experimental/tasks", taskTable(sim, { pauseResume: features.pauseUnderExperimental }));

  const controls = new Hono<Env>();
  controls.use("*", auth, async (c, next) => {
    if (!isSiteOwner(c.get("user"))) throw new CoderError(403, "Only the site owner may use the simulator controls.");
    await next();
  });
  controls.get("/tasks/:id/agent-token", control.agentToken);
  controls.post("/tasks/:id/messages", control.appendMessages);
  controls.post("/tasks/:id/agent", control.setAgent);
  controls.post("/tasks/:id/build-logs", control.appendBuildLogs);
  controls.post("/clock/advance", control.advance);
  controls.post("/users/:user/external-auth/:provider", externalAuth.setLink);
  root.route("/sim", controls);

  // Coder's own web pages behind a template version's authenticate_url.
  root.get("/external-auth/:provider", externalAuth.show);
  root.post("/external-auth/:provider/callback", externalAuth.callback);
}

/** chi lists the registered methods; Hono's helper adds HEAD beside GET, which chi does not. */
function allowed(methods: string[]): string {
  return methods.filter((m) => m !== "HEAD").join(", ");
}
