import { describe, expect, it } from "vitest";
import { deploymentNotice, hasPauseResume, shortVersion, whyNoTasks } from "../../../src/lib/coder-version.ts";

describe("what a Coder version means for Tasks", () => {
  it("has pause and resume from v2.31.0, and everything in a development build", () => {
    expect(hasPauseResume("v2.30.9")).toBe(false);
    expect(hasPauseResume("v2.31.0")).toBe(true);
    expect(hasPauseResume("v2.34.5+1a2b3c4")).toBe(true);
    expect(hasPauseResume("v0.0.0-devel+abc")).toBe(true);
  });

  it("says why there are no tasks, by version", () => {
    expect(whyNoTasks("v2.37.0+abc1234")[0]).toBe("Coder Tasks is turned off on this deployment (Coder v2.37.0).");
    expect(whyNoTasks("v2.23.4")).toEqual(["Coder Tasks is not available on this Coder version (Coder v2.23.4)."]);
    expect(shortVersion(undefined)).toBe("unknown");
  });

  it("notes the extended-support release and a Tasks that is going away, and nothing otherwise", () => {
    expect(deploymentNotice("v2.34.8", "stable")).toMatch(/extended-support release/);
    expect(deploymentNotice("v2.37.0", "stable")).toMatch(/CODER_ENABLE_AI_TASKS/);
    expect(deploymentNotice("v2.28.1", "experimental")).toMatch(/only the experimental Tasks API/);
    expect(deploymentNotice("v2.33.1", "stable")).toBeNull();
  });
});
