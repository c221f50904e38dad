import { useQuery } from "@tanstack/react-query";
import { useMemo, type ReactNode } from "react";
import { useSearchParams } from "react-router";
import { ChoiceGroup } from "../../components/ChoiceGroup.tsx";
import { ErrorBanner } from "../../components/ErrorBanner.tsx";
import { RefreshNotice } from "../../components/RefreshNotice.tsx";
import { describeError } from "../../lib/errors.ts";
import { FAILURE_SOURCES, type FailureSource, type Insights, type Spread } from "../../lib/insights.ts";
import { serverQuery } from "../../lib/task-filters.ts";
import { insightsQuery, type Coverage } from "../../queries/insights.ts";
import { usePermissions } from "../../queries/permissions.ts";
import { OrganizationPicker, OwnerPicker } from "../tasks/PeoplePickers.tsx";
import { BarChart, type BarChartProps, type Series } from "./BarChart.tsx";
import { DataTable, type Table } from "./DataTable.tsx";

const PERIODS = [
  { value: "7", label: "Last 7 days" },
  { value: "30", label: "Last 30 days" },
] as const;

const FAILURE_NAMES: Record<FailureSource, string> = {
  build: "Build failed",
  "agent-start": "Agent start error or timeout",
  "app-unhealthy": "App unhealthy",
  "agent-failure": "Agent reported failure",
};

const COLORS = { completed: "#15803d", failed: "#b91c1c", error: "#7c2d12", open: "#0369a1", p50: "#0369a1", p90: "#94a3b8" };
const HOURS_COLORS = { working: "#0369a1", waiting: "#d97706", paused: "#64748b" };

const minutes = (ms: number | null) => (ms === null ? "–" : (ms / 60_000).toFixed(1));
const formatMinutes = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)} min`;
const formatCount = (v: number) => String(Math.round(v * 10) / 10);
const formatHours = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)} h`;
const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * How the tasks in view went over the last 7 or 30 days: what became of them, how long agents waited for
 * people, how long they took to report, where failures came from, and where the hours went. Every chart's
 * numbers are in a table beside it, and in a CSV file.
 */
export function InsightsPage() {
  const [params, setParams] = useSearchParams();
  const days = params.get("days") === "30" ? 30 : 7;
  const owner = params.get("owner") ?? "";
  const organization = params.get("organization") ?? "";
  const set = (key: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const permissions = usePermissions();
  const canSeeOthers = permissions.canSeeAllTasks || permissions.orgsWithAllTasks.size > 0 || owner !== "" || organization !== "";

  const terms = serverQuery({ owner, organization });
  const query = useQuery(insightsQuery(terms, days));

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Insights</h1>
      <div className="flex flex-wrap items-center gap-4">
        <ChoiceGroup
          label="Period"
          options={PERIODS}
          value={String(days) as "7" | "30"}
          onChange={(v) => set("days", v === "30" ? "30" : "")}
        />
        {canSeeOthers && (
          <>
            <OwnerPicker value={owner} onChange={(v) => set("owner", v)} />
            <OrganizationPicker value={organization} onChange={(v) => set("organization", v)} />
          </>
        )}
      </div>
      {query.data ? (
        <>
          <RefreshNotice failure={query.failureReason} error={query.error} updatedAt={query.dataUpdatedAt} />
          <InsightsView insights={query.data.insights} coverage={query.data.coverage} days={days} />
        </>
      ) : query.isError ? (
        <ErrorBanner error={describeError(query.error)} title="Could not read Coder's records" onRetry={() => void query.refetch()} />
      ) : (
        <p role="status" className="text-slate-600">
          Reading the tasks and their agents' report histories…
        </p>
      )}
    </div>
  );
}

function InsightsView({ insights, coverage, days }: { insights: Insights; coverage: Coverage; days: number }) {
  const charts = useMemo(() => chartsOf(insights), [insights]);
  return (
    <>
      <Partial insights={insights} coverage={coverage} />
      <dl aria-label="Summary" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Figure label="Tasks created">{insights.tasks}</Figure>
        <Figure label="People's response, median">{spreadWords(insights.response.all, "p50")}</Figure>
        <Figure label="People's response, 90th percentile">{spreadWords(insights.response.all, "p90")}</Figure>
        <Figure label="Failed">{FAILURE_SOURCES.reduce((n, s) => n + insights.failures[s], 0)}</Figure>
      </dl>
      <Section title="Tasks created per day, by outcome">
        <ChartWithTable chart={charts.created} days={days} />
      </Section>
      <Section title="How long agents waited for a person">
        <p className="text-sm text-slate-600">
          From an agent going idle to working again on a person's answer, for waits that began in the period.
        </p>
        <h3 className="font-medium">By owner</h3>
        <ChartWithTable chart={charts.byOwner} days={days} />
        <h3 className="font-medium">By template</h3>
        <ChartWithTable chart={charts.byTemplate} days={days} />
      </Section>
      <Section title="Time to the agent's first report">
        <ChartWithTable chart={charts.first} days={days} />
      </Section>
      <Section title="Where failures come from">
        <ChartWithTable chart={charts.failures} days={days} />
      </Section>
      <Section title="Hours working, waiting for a person, and paused">
        <ChartWithTable chart={charts.hours} days={days} />
      </Section>
    </>
  );
}

function spreadWords(spread: Spread, which: "p50" | "p90"): string {
  const value = spread[which];
  return value === null ? "–" : formatMinutes(round1(value / 60_000));
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white p-3">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3 rounded-md border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** Says which records the numbers rest on when Coder's bounds left some out. */
function Partial({ insights, coverage }: { insights: Insights; coverage: Coverage }) {
  const notes: string[] = [];
  if (coverage.matched > coverage.read) {
    notes.push(`the report histories of ${coverage.read} of the ${coverage.matched} task workspaces used in the period were read`);
  }
  if (coverage.restarted > coverage.buildsRead) {
    notes.push(
      `earlier pauses are known for ${coverage.buildsRead} of ${coverage.restarted} workspaces that were stopped and started again`,
    );
  }
  const missing = insights.tasks - insights.withHistory;
  if (missing > 0)
    notes.push(`${missing} of the ${insights.tasks} tasks created in the period have no history to read (deleted, or not read)`);
  if (notes.length === 0) return null;
  return (
    <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      A partial view: {notes.join("; ")}.
    </p>
  );
}

/** One chart and the table of its numbers, built together so the two always agree. */
interface Chart extends BarChartProps {
  caption: string;
  table: Table;
  /** The CSV's name, before the period. */
  file: string;
}

function ChartWithTable({ chart, days }: { chart: Chart; days: number }) {
  const { caption, table, file, ...bars } = chart;
  return (
    <>
      <BarChart {...bars} />
      <DataTable caption={caption} table={table} filename={`${file}-${days}d.csv`} />
    </>
  );
}

/** Median and 90th percentile side by side, in minutes, for each owner or template. */
function spreadsChart(
  groups: ReadonlyMap<string, Spread>,
  what: string,
  counted: string,
  label: string,
  caption: string,
  file: string,
): Chart {
  const entries = [...groups];
  return {
    label,
    categoryLabel: what,
    categories: entries.map(([name]) => name),
    series: [
      { label: "Median", color: COLORS.p50, values: entries.map(([, s]) => (s.p50 === null ? null : round1(s.p50 / 60_000))) },
      { label: "90th percentile", color: COLORS.p90, values: entries.map(([, s]) => (s.p90 === null ? null : round1(s.p90 / 60_000))) },
    ],
    stacked: false,
    format: formatMinutes,
    caption,
    table: {
      columns: [what, counted, "Median (min)", "90th percentile (min)"],
      rows: entries.map(([name, s]) => [name, s.count, minutes(s.p50), minutes(s.p90)]),
    },
    file,
  };
}

function chartsOf(insights: Insights) {
  const { created, hours, days } = insights;
  const dayLabels = days.map((d) => d.slice(5));
  const createdSeries: Series[] = [
    { label: "Completed", color: COLORS.completed, values: created.completed },
    { label: "Failed", color: COLORS.failed, values: created.failed },
    { label: "Error", color: COLORS.error, values: created.error },
    { label: "Still open", color: COLORS.open, values: created.open },
  ];
  const hourSeries: Series[] = [
    { label: "Working", color: HOURS_COLORS.working, values: hours.working.map(round1) },
    { label: "Waiting for a person", color: HOURS_COLORS.waiting, values: hours.waiting.map(round1) },
    { label: "Paused", color: HOURS_COLORS.paused, values: hours.paused.map(round1) },
  ];
  const failureCounts = FAILURE_SOURCES.map((s) => insights.failures[s]);
  const failureNames = FAILURE_SOURCES.map((s) => FAILURE_NAMES[s]);
  return {
    created: {
      label: "Tasks created per day",
      categoryLabel: "Day",
      categories: dayLabels,
      series: createdSeries,
      stacked: true,
      format: formatCount,
      whole: true,
      caption: "Tasks created per day, by outcome",
      table: {
        columns: ["Day", "Completed", "Failed", "Error", "Still open", "Total"],
        rows: days.map((day, i) => {
          const values = createdSeries.map((s) => s.values[i] ?? 0);
          return [day, ...values, values.reduce((a, b) => a + b, 0)];
        }),
      },
      file: "tasks-created",
    },
    byOwner: spreadsChart(
      insights.response.byOwner,
      "Owner",
      "Answers",
      "Response time by owner",
      "People's response time by owner",
      "response-by-owner",
    ),
    byTemplate: spreadsChart(
      insights.response.byTemplate,
      "Template",
      "Answers",
      "Response time by template",
      "People's response time by template",
      "response-by-template",
    ),
    first: spreadsChart(
      insights.firstReport.byTemplate,
      "Template",
      "Tasks",
      "Time to first report by template",
      "Time to the agent's first report by template",
      "first-report",
    ),
    failures: {
      label: "Failures by source",
      categoryLabel: "Source",
      categories: failureNames,
      series: [{ label: "Tasks", color: COLORS.failed, values: failureCounts }],
      stacked: false,
      format: formatCount,
      whole: true,
      caption: "Failed tasks by source",
      table: { columns: ["Source", "Tasks"], rows: failureNames.map((name, i) => [name, failureCounts[i] ?? 0]) },
      file: "failures",
    },
    hours: {
      label: "Hours per day",
      categoryLabel: "Day",
      categories: dayLabels,
      series: hourSeries,
      stacked: true,
      format: formatHours,
      caption: "Hours per day working, waiting for a person, and paused",
      table: {
        columns: ["Day", "Working (h)", "Waiting for a person (h)", "Paused (h)"],
        rows: days.map((day, i) => [day, ...hourSeries.map((s) => s.values[i] ?? 0)]),
      },
      file: "hours",
    },
  } satisfies Record<string, Chart>;
}
