import { pick, type Random } from "./clock.ts";

/** What a simulated coding agent says and reports while it works on a prompt. */
export interface ScriptStep {
  /** Simulated milliseconds after the previous step. */
  delay: number;
  status?: { state: "working" | "idle" | "complete" | "failure"; message: string; uri?: string };
  output?: string;
}

const REPOS = ["acme/api", "acme/web", "acme/billing", "acme/infra", "acme/mobile"];

function topic(prompt: string): string {
  const firstLine = prompt.split("\n")[0]?.trim() ?? "";
  const cut = firstLine.length > 60 ? `${firstLine.slice(0, 57)}…` : firstLine;
  return cut.replace(/[.!?]+$/, "") || "the task";
}

export type Finish = "idle" | "complete" | "failure";

/** The work on a prompt: read, change, test, maybe open a pull request, then stop in one of three ways. */
export function workScript(prompt: string, random: Random, finish: Finish, withPullRequest: boolean): ScriptStep[] {
  const what = topic(prompt);
  const repo = pick(random, REPOS);
  const tests = 20 + Math.floor(random() * 180);
  const files = 2 + Math.floor(random() * 6);
  const steps: ScriptStep[] = [
    { delay: 500, status: { state: "working", message: "Reading the repository" } },
    { delay: 2000, output: `I'll start by reading the code involved in: ${what}.\nLooking at ${repo} for the relevant modules.` },
    { delay: 2500, status: { state: "working", message: `Editing ${files} files` } },
    {
      delay: 2500,
      output: `I've made the change across ${files} files.\n\n\u001b[32m+ added\u001b[0m handling for the new case\n\u001b[31m- removed\u001b[0m the old workaround`,
    },
    { delay: 2000, status: { state: "working", message: "Running the test suite" } },
    { delay: 2500, output: `Ran ${tests} tests: all passed.` },
  ];
  let uri = "";
  if (withPullRequest) {
    uri = `https://github.com/${repo}/pull/${100 + Math.floor(random() * 900)}`;
    steps.push({ delay: 1500, status: { state: "working", message: "Opened a pull request", uri } });
    steps.push({ delay: 500, output: `I opened a pull request with the change: ${uri}` });
  }
  if (finish === "idle") {
    steps.push({ delay: 1500, output: "Shall I also update the documentation, or is this ready for review?" });
    steps.push({ delay: 200, status: { state: "idle", message: "Waiting for your answer", uri } });
  } else if (finish === "complete") {
    steps.push({ delay: 1500, output: `Done: ${what}.` });
    steps.push({ delay: 200, status: { state: "complete", message: `Finished: ${what}`.slice(0, 160), uri } });
  } else {
    steps.push({ delay: 1500, output: "The integration tests need credentials this workspace does not have, so I stopped." });
    steps.push({ delay: 200, status: { state: "failure", message: "Blocked: missing credentials for integration tests", uri } });
  }
  return steps;
}

/** The answer to a follow-up message sent while the agent was idle. */
export function replyScript(input: string): ScriptStep[] {
  const what = topic(input);
  return [
    { delay: 300, status: { state: "working", message: "Working on your message" } },
    { delay: 2000, output: `Understood: ${what}. I've made that change and the tests still pass.` },
    { delay: 500, status: { state: "idle", message: "Waiting for your next message" } },
  ];
}

/** After a resume with an unchanged prompt, the agent picks the conversation up again and waits. */
export function resumeScript(): ScriptStep[] {
  return [{ delay: 500, status: { state: "idle", message: "Resumed: waiting for your next message" } }];
}
