import type { ValidationError } from "../../../src/wire/types.ts";
import { isUuid, readBody } from "../body.ts";
import type { Sim, SimContext } from "../context.ts";
import { latestBuild } from "../derive.ts";
import { CoderError, notFound } from "../errors.ts";

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
/** The latest moment the simulated clock may reach: Coder's timestamps are four-digit-year RFC 3339. */
const LATEST = Date.UTC(9999, 11, 31);
/** Bounds that keep a test's or a demo's input from exhausting the simulator's memory. */
const MAX_MESSAGES_PER_CALL = 100_000;
const MAX_CHARACTERS_PER_CALL = 16 * 1024 * 1024;
const MAX_CONVERSATION = 250_000;
const MAX_BUILD_LOG_LINES = 100_000;

const invalid = (validations: ValidationError[]) => new CoderError(400, "Validation failed.", undefined, validations);

/** /sim: demo and test controls (site owner only); every input is checked before anything changes. */
export function controlHandlers(sim: Sim, advanceClock: (ms: number) => void) {
  const { store, engine } = sim;

  const liveTask = (c: SimContext) => {
    const id = c.req.param("id") ?? "";
    if (!isUuid(id)) throw new CoderError(400, `Invalid UUID "${id}".`, `invalid UUID length: ${id.length}`);
    const task = store.tasks.get(id);
    if (!task || task.deletedAt !== null) throw notFound();
    return task;
  };

  const agentToken = (c: SimContext) => {
    const ws = store.workspaceOf(liveTask(c));
    if (!ws?.agent) throw new CoderError(409, "The task has no running agent.");
    return c.json({ token: ws.agent.token });
  };

  /** Appends to the conversation as the agent (`agent`) or the user (`user`), with `count` copies for scale tests. */
  const appendMessages = async (c: SimContext) => {
    const task = liveTask(c);
    const body = await readBody(c, "SimMessagesRequest", { role: "string", content: "string", count: "integer" });
    const { role, content } = body;
    const count = body.count ?? 1;
    const problems: ValidationError[] = [];
    if (role !== "agent" && role !== "user") problems.push({ field: "role", detail: 'role must be "agent" or "user"' });
    if (content === undefined) problems.push({ field: "content", detail: "content is required" });
    if (count < 1 || count > MAX_MESSAGES_PER_CALL) {
      problems.push({ field: "count", detail: `count must be a whole number from 1 to ${MAX_MESSAGES_PER_CALL}` });
    } else if ((content?.length ?? 0) * count > MAX_CHARACTERS_PER_CALL) {
      problems.push({ field: "count", detail: `content × count must be at most ${MAX_CHARACTERS_PER_CALL} characters` });
    } else if (task.conversation.messages.length + count > MAX_CONVERSATION) {
      problems.push({ field: "count", detail: `a conversation holds at most ${MAX_CONVERSATION} messages` });
    }
    if (problems.length > 0 || (role !== "agent" && role !== "user") || content === undefined) throw invalid(problems);
    for (let i = 0; i < count; i++) engine.appendMessage(task, role, count === 1 ? content : `${content} ${i + 1}`);
    return c.json({ count: task.conversation.messages.length }, 201);
  };

  const advance = async (c: SimContext) => {
    const { ms } = await readBody(c, "SimClockAdvanceRequest", { ms: "number" });
    if (ms === undefined || !Number.isFinite(ms) || ms < 0 || ms > YEAR_MS) {
      throw invalid([{ field: "ms", detail: `ms must be a number of milliseconds from 0 to ${YEAR_MS} (a year)` }]);
    }
    if (engine.now() + ms > LATEST) throw invalid([{ field: "ms", detail: "the clock cannot go past the year 9999" }]);
    advanceClock(ms);
    engine.scheduler.runDue();
    return c.json({ now: new Date(engine.now()).toISOString() });
  };

  /** Makes the task's agent reachable or not, as an agent whose tailnet connection comes and goes. */
  const setAgent = async (c: SimContext) => {
    const ws = store.workspaceOf(liveTask(c));
    const { reachable } = await readBody(c, "SimAgentRequest", { reachable: "boolean" });
    if (reachable === undefined) throw invalid([{ field: "reachable", detail: "reachable must be true or false" }]);
    if (!ws?.agent) throw new CoderError(409, "The task has no running agent.");
    ws.agent.reachable = reachable;
    return c.json({ reachable });
  };

  /** Lengthens the log of the task's latest build by `count` lines, for scale tests of the build log view. */
  const appendBuildLogs = async (c: SimContext) => {
    const ws = store.workspaceOf(liveTask(c));
    const { count, output } = await readBody(c, "SimBuildLogsRequest", { count: "integer", output: "string" });
    if (count === undefined || count < 1 || count > MAX_BUILD_LOG_LINES) {
      throw invalid([{ field: "count", detail: `count must be a whole number from 1 to ${MAX_BUILD_LOG_LINES}` }]);
    }
    if (output !== undefined && output.length > 1000)
      throw invalid([{ field: "output", detail: "output must be at most 1000 characters" }]);
    const build = ws ? latestBuild(ws) : undefined;
    if (!build) throw new CoderError(409, "The task has no build.");
    build.extraLogs = { count, at: engine.now(), stage: "Starting workspace", output: output ?? "module.workspace: downloading layer" };
    return c.json({ count }, 201);
  };

  return { agentToken, appendMessages, advance, setAgent, appendBuildLogs };
}
