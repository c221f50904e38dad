import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { historySpecs } from "../../../../server/sim/seed.ts";
import { toCsv } from "../../../../src/pages/insights/DataTable.tsx";
import { newSimulator, renderApp } from "../../../support/render.tsx";

/** The agent reports "working" this long after a person's answer (the simulator's reply script). */
const PICKUP_MS = 300;

const nearestRank = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.ceil(p * values.length) - 1] ?? 0;
const minutes = (ms: number) => (ms / 60_000).toFixed(1);

function rowOf(table: HTMLElement, name: string): string[] {
  const row = within(table).getByRole("rowheader", { name }).closest("tr") as HTMLElement;
  return within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent ?? "");
}

describe("insights", () => {
  it("measures people's answers to waiting agents from the seeded history, whose waits are known", async () => {
    const sim = newSimulator({ history: true });
    renderApp("/insights?days=30", { as: "alice", sim });
    const waits = historySpecs()
      .filter((spec) => spec.owner === "alice")
      .flatMap((spec) => spec.answers ?? [])
      .map((wait) => wait + PICKUP_MS);
    expect(waits.length).toBeGreaterThan(4);

    const table = await screen.findByRole("table", { name: "People's response time by owner" }, { timeout: 5_000 });
    expect(rowOf(table, "alice")).toEqual([String(waits.length), minutes(nearestRank(waits, 0.5)), minutes(nearestRank(waits, 0.9))]);
    const median = Math.round(nearestRank(waits, 0.5) / 6_000) / 10;
    expect(screen.getByText("People's response, median").nextElementSibling).toHaveTextContent(
      `${Number.isInteger(median) ? median : median.toFixed(1)} min`,
    );
  });

  it("counts every task created in the period once, by outcome", async () => {
    const sim = newSimulator({ history: true });
    renderApp("/insights?days=30", { as: "alice", sim });
    const alice = [...sim.store.tasks.values()].filter((t) => sim.store.users.get(t.ownerId)?.username === "alice" && t.deletedAt === null);
    const table = await screen.findByRole("table", { name: "Tasks created per day, by outcome" });
    const totals = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) => Number(within(row).getAllByRole("cell").at(-1)?.textContent));
    expect(totals).toHaveLength(30);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(alice.length);
    await waitFor(() => expect(screen.getByRole("table", { name: /^Hours per day/ })).toBeInTheDocument());
  });
});

describe("the CSV beside each table", () => {
  it("quotes what needs quoting and never lets a name read as a spreadsheet formula", () => {
    const csv = toCsv({
      columns: ["Owner", "Answers"],
      rows: [
        ['=HYPERLINK("x")', 2],
        ["bob, jr", 1],
      ],
    });
    expect(csv).toBe('Owner,Answers\r\n"\'=HYPERLINK(""x"")",2\r\n"bob, jr",1\r\n');
  });
});
