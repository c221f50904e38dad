import { describe, expect, it } from "vitest";
import { CALM_RATES } from "../../../../server/sim/simulator.ts";
import {
  createTask,
  idleTask,
  startSim,
  TO_ACTIVE,
  TO_IDLE_AFTER_ACTIVE,
  TO_INITIALIZING,
  TO_PAUSED,
  type TestSim,
} from "../../../support/sim-server.ts";

interface Situation {
  t: TestSim;
  who: string;
  path: string;
}

async function own(t: TestSim, task: { owner_name: string; id: string }): Promise<Situation> {
  return { t, who: task.owner_name, path: `/api/v2/tasks/${task.owner_name}/${task.id}` };
}

/** Each situation of semantics §5, reached through the API and the clock the way a deployment gets there. */
const situations: Record<string, { status: string; setup: () => Promise<Situation> }> = {
  "pending (start job queued)": {
    status: "pending",
    setup: async () => {
      const t = await startSim();
      return own(t, await createTask(t, "alice"));
    },
  },
  "initializing (start job running)": {
    status: "initializing",
    setup: async () => {
      const t = await startSim();
      const task = await createTask(t, "alice");
      t.advance(TO_INITIALIZING);
      return own(t, task);
    },
  },
  "initializing (job done, agent starting)": {
    status: "initializing",
    setup: async () => {
      const t = await startSim();
      const task = await createTask(t, "alice");
      t.advance(5_000);
      return own(t, task);
    },
  },
  "active, agent idle": {
    status: "active",
    setup: async () => {
      const t = await startSim();
      return own(t, await idleTask(t));
    },
  },
  "active, agent busy": {
    status: "active",
    setup: async () => {
      const t = await startSim();
      const task = await createTask(t, "alice");
      t.advance(TO_ACTIVE + 3_000);
      return own(t, task);
    },
  },
  "paused (stop succeeded)": {
    status: "paused",
    setup: async () => {
      const t = await startSim();
      const situation = await own(t, await idleTask(t));
      expect((await t.as("alice").send("POST", `${situation.path}/pause`)).status).toBe(202);
      t.advance(TO_PAUSED);
      return situation;
    },
  },
  "error (build failed)": {
    status: "error",
    setup: async () => {
      const t = await startSim({ rates: { ...CALM_RATES, buildFailure: 1 } });
      const task = await createTask(t, "alice");
      t.advance(4_000);
      return own(t, task);
    },
  },
  "error (app unhealthy, workspace running)": {
    status: "error",
    setup: async () => {
      const t = await startSim({ rates: { ...CALM_RATES, unhealthy: 1 } });
      const task = await createTask(t, "alice");
      t.advance(TO_ACTIVE + TO_IDLE_AFTER_ACTIVE + 6_000);
      return own(t, task);
    },
  },
  "unknown (stop job in flight)": {
    status: "unknown",
    setup: async () => {
      const t = await startSim();
      const situation = await own(t, await idleTask(t));
      expect((await t.as("alice").send("POST", `${situation.path}/pause`)).status).toBe(202);
      t.advance(700);
      return situation;
    },
  },
  "unknown (agent off)": {
    status: "unknown",
    setup: async () => {
      const t = await startSim();
      const tasks = (await t.as("admin").get("/api/v2/tasks?q=status:unknown")).body.tasks;
      const off = tasks.find((task: { workspace_agent_lifecycle: string }) => task.workspace_agent_lifecycle === "off");
      return { ...(await own(t, off)), who: "admin" };
    },
  },
};

type Action = "pause" | "resume" | "input" | "send" | "logs" | "delete";
type Expected = [number, string?];

const BUILD_ACTIVE: Expected = [409, "A workspace build is already active."];
const RUNNING: Expected = [409, "Task workspace is already running."];
const NOT_PAUSED: Expected = [409, "Unable to update task input, task must be paused."];
const NOT_ACTIVE: Expected = [400, "Task must be active."];
const NO_LOGS: Expected = [409, "Cannot fetch logs for task in current state."];

const table: Record<string, Record<Action, Expected>> = {
  "pending (start job queued)": {
    pause: BUILD_ACTIVE,
    resume: BUILD_ACTIVE,
    input: NOT_PAUSED,
    send: [409, "Task is pending."],
    logs: [200],
    delete: BUILD_ACTIVE,
  },
  "initializing (start job running)": {
    pause: BUILD_ACTIVE,
    resume: BUILD_ACTIVE,
    input: NOT_PAUSED,
    send: [409, "Task is initializing."],
    logs: [200],
    delete: BUILD_ACTIVE,
  },
  "initializing (job done, agent starting)": {
    pause: [202],
    resume: RUNNING,
    input: NOT_PAUSED,
    send: [409, "Task is initializing."],
    logs: [200],
    delete: [202],
  },
  "active, agent idle": { pause: [202], resume: RUNNING, input: NOT_PAUSED, send: [204], logs: [200], delete: [202] },
  "active, agent busy": {
    pause: [202],
    resume: RUNNING,
    input: NOT_PAUSED,
    send: [409, "Task app is not ready to accept input."],
    logs: [200],
    delete: [202],
  },
  "paused (stop succeeded)": { pause: [202], resume: [202], input: [204], send: [409, "Task is paused."], logs: [200], delete: [202] },
  "error (build failed)": { pause: [202], resume: [202], input: NOT_PAUSED, send: NOT_ACTIVE, logs: NO_LOGS, delete: [202] },
  "error (app unhealthy, workspace running)": {
    pause: [202],
    resume: RUNNING,
    input: NOT_PAUSED,
    send: NOT_ACTIVE,
    logs: NO_LOGS,
    delete: [202],
  },
  "unknown (stop job in flight)": {
    pause: BUILD_ACTIVE,
    resume: BUILD_ACTIVE,
    input: NOT_PAUSED,
    send: NOT_ACTIVE,
    logs: NO_LOGS,
    delete: BUILD_ACTIVE,
  },
  "unknown (agent off)": { pause: [202], resume: RUNNING, input: NOT_PAUSED, send: NOT_ACTIVE, logs: NO_LOGS, delete: [202] },
};

function perform(s: Situation, action: Action) {
  const client = s.t.as(s.who);
  switch (action) {
    case "pause":
      return client.send("POST", `${s.path}/pause`);
    case "resume":
      return client.send("POST", `${s.path}/resume`);
    case "input":
      return client.send("PATCH", `${s.path}/input`, { input: "A better prompt" });
    case "send":
      return client.send("POST", `${s.path}/send`, { input: "Please go on" });
    case "logs":
      return client.get(`${s.path}/logs`);
    case "delete":
      return client.send("DELETE", s.path);
  }
}

describe("the state machine of semantics §5", () => {
  for (const [name, { status, setup }] of Object.entries(situations)) {
    describe(name, () => {
      it(`reads as ${status}`, async () => {
        const s = await setup();
        const reply = await s.t.as(s.who).get(s.path);
        expect(reply.body.status).toBe(status);
      });
      for (const [action, [code, message]] of Object.entries(table[name] ?? {}) as [Action, Expected][]) {
        it(`${action} → ${code}${message ? ` ${message}` : ""}`, async () => {
          const s = await setup();
          const reply = await perform(s, action);
          expect(reply.status, reply.text).toBe(code);
          if (message) expect(reply.body.message).toBe(message);
        });
      }
    });
  }
});

describe("details of the per-status answers", () => {
  it("explains send's refusals with Coder's details", async () => {
    const pending = await situations["pending (start job queued)"]!.setup();
    const reply = await perform(pending, "send");
    expect(reply.body.detail).toBe("The task is resuming. Wait for the task to become active before sending messages.");
    const paused = await situations["paused (stop succeeded)"]!.setup();
    expect((await perform(paused, "send")).body.detail).toBe("Resume the task to send messages.");
    const error = await situations["error (build failed)"]!.setup();
    expect((await perform(error, "send")).body.detail).toBe('Task status is "error", it must be "active" to interact with the task.');
    const busy = await situations["active, agent busy"]!.setup();
    expect((await perform(busy, "send")).body.detail).toBe("Status: running");
  });

  it("explains refusals of logs, resume and input", async () => {
    const error = await situations["error (build failed)"]!.setup();
    expect((await perform(error, "logs")).body.detail).toBe('Task status is "error".');
    const idle = await situations["active, agent idle"]!.setup();
    expect((await perform(idle, "resume")).body.detail).toBe('Workspace status is "running".');
    expect((await perform(idle, "input")).body.detail).toBe("Please stop the task's workspace before updating the input.");
  });

  it("answers pause and resume with the new build, and delete with an empty 202", async () => {
    const idle = await situations["active, agent idle"]!.setup();
    const pause = await perform(idle, "pause");
    expect(pause.body.workspace_build).toMatchObject({ transition: "stop", reason: "task_manual_pause", status: "pending", resources: [] });
    idle.t.advance(TO_PAUSED);
    const resume = await perform(idle, "resume");
    expect(resume.body.workspace_build).toMatchObject({ transition: "start", reason: "task_resume", status: "pending", build_number: 3 });
    const failed = await situations["error (build failed)"]!.setup();
    const deleted = await perform(failed, "delete");
    expect(deleted.text).toBe("");
  });
});
