/** Fixed demo content: who exists, which templates, and what people ask their agents to do. */

export const PASSWORD = "demo-password";

export const ORGANIZATIONS = [
  { name: "coder", displayName: "Coder", isDefault: true },
  { name: "platform", displayName: "Platform", isDefault: false },
] as const;

/** `github`: who has already connected GitHub, which Codex requires. */
export const USERS = [
  { username: "admin", name: "Ada Admin", siteRoles: ["owner"], orgs: ["coder", "platform"], adminOf: [], github: true },
  { username: "olivia", name: "Olivia Ortiz", siteRoles: [], orgs: ["platform"], adminOf: ["platform"], github: false },
  { username: "alice", name: "Alice Anders", siteRoles: [], orgs: ["coder", "platform"], adminOf: [], github: true },
  { username: "bob", name: "Bob Brown", siteRoles: [], orgs: ["coder"], adminOf: [], github: false },
] as const;

export const EXTERNAL_AUTH_PROVIDERS = [{ id: "github", type: "github", displayName: "GitHub", displayIcon: "/icon/github.svg" }] as const;

export const TEMPLATES = [
  {
    name: "claude-code",
    displayName: "Claude Code",
    org: "coder",
    description: "A Linux workspace with Claude Code driving the AI task.",
    icon: "/icon/claude.svg",
    hasAiTask: true,
    // A working day's TTL, bumped an hour at a time by the agent's reports, as Coder's template default does.
    defaultTtlMs: 24 * 3_600_000,
    activityBumpMs: 3_600_000,
    versions: ["v1.4.0", "v1.5.0"],
    externalAuth: [],
    presets: [
      { name: "Small", description: "2 CPUs, 4 GB: quick fixes and reviews.", isDefault: false, params: { cpu: "2", memory: "4" } },
      { name: "Large", description: "8 CPUs, 16 GB: builds and full test suites.", isDefault: true, params: { cpu: "8", memory: "16" } },
    ],
  },
  {
    name: "codex",
    displayName: "Codex",
    org: "coder",
    description: "OpenAI Codex in a container workspace.",
    icon: "/icon/openai.svg",
    hasAiTask: true,
    // Short enough to watch a task pause itself in a demo: two minutes at SIM_SPEED=10.
    defaultTtlMs: 20 * 60_000,
    activityBumpMs: 10 * 60_000,
    versions: ["v0.9.2"],
    // The agent clones and opens pull requests with the owner's GitHub token.
    externalAuth: [{ providerId: "github", optional: false }],
    presets: [],
  },
  {
    name: "docker",
    displayName: "Docker",
    org: "coder",
    description: "A plain development container, without an AI task.",
    icon: "/icon/docker.svg",
    hasAiTask: false,
    defaultTtlMs: 8 * 3_600_000,
    activityBumpMs: 3_600_000,
    versions: ["v2.0.0"],
    externalAuth: [],
    presets: [],
  },
  {
    name: "platform-agent",
    displayName: "Platform Agent",
    org: "platform",
    description: "Infrastructure work with access to the platform team's clusters.",
    icon: "/icon/k8s.svg",
    hasAiTask: true,
    // Never pauses on its own.
    defaultTtlMs: 0,
    activityBumpMs: 3_600_000,
    versions: ["v3.1.0"],
    externalAuth: [{ providerId: "github", optional: true }],
    presets: [
      { name: "Staging access", description: "Kubeconfig for the staging cluster.", isDefault: true, params: { cluster: "staging" } },
    ],
  },
] as const;

export const PROMPTS = [
  "Fix the failing tests in auth",
  "Add pagination to the /v1/invoices endpoint and update the OpenAPI spec",
  "Upgrade React Router to v7 in the web app and fix the type errors",
  "Investigate why the nightly build takes 40 minutes and make it faster",
  "Write unit tests for the currency conversion module",
  "Refactor the billing webhook handler to be idempotent",
  "The login page flickers on slow networks; find out why and fix it",
  "Add a dark mode toggle to the settings page",
  "Migrate the Terraform state for the staging cluster to the new bucket",
  "Replace moment.js with date-fns across the frontend",
  "Document the deployment process in docs/deploy.md",
  "Add rate limiting to the public API using the existing Redis instance",
  "Find and remove dead feature flags older than six months",
  "Make the CSV export stream rows instead of building the file in memory",
  "Bump the Go toolchain to 1.24 and fix vet warnings",
  "Add retries with backoff to the S3 uploader",
  "Review PR #482 and leave comments on anything risky",
  "Set up Renovate for the mobile repository",
  "Reduce the Docker image size of the API service",
  "Add OpenTelemetry tracing to the checkout flow",
  "Fix the race condition in the job scheduler's lease renewal",
  "Translate the onboarding emails into German and French",
  "Add an index for the slow orders-by-customer query",
  "Split the monolith's auth module into its own package",
  "Make the flaky checkout end-to-end test reliable",
  "Add a CLI flag to skip migrations on startup",
  "Write a runbook for the on-call rotation's top five alerts",
  "Remove the deprecated v1 webhooks after checking who still calls them",
  "Cache the pricing page API responses for five minutes",
  "Find why memory grows in the notification worker",
  "Add keyboard shortcuts to the issue board",
  "Upgrade PostgreSQL client libraries and test against 17",
  "Add an audit log entry when API tokens are created or revoked",
  "Port the image resizer from Python 2 to Python 3",
  "Enforce branch protection rules with Terraform",
  "Generate TypeScript types from the OpenAPI schema in CI",
  "Add pagination to the admin users table",
  "Reduce cold start time of the search Lambda",
  "Backfill missing invoice PDFs from the last quarter",
  "Add a health check endpoint to the billing service",
];
