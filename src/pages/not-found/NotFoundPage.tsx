import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <main className="mx-auto max-w-md space-y-2 py-16 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <Link to="/tasks" className="text-sky-700 underline">
        Go to tasks
      </Link>
    </main>
  );
}
