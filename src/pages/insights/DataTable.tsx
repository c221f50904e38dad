import { useId } from "react";
import { downloadFile } from "../../components/download.ts";

export interface Table {
  /** Column headings; the first column names each row. */
  columns: string[];
  rows: (string | number)[][];
}

/** A CSV field: quoted when it must be, and never read by a spreadsheet as a formula (names come from users). */
function csvField(value: string | number): string {
  const text = typeof value === "number" ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: Table): string {
  return [table.columns, ...table.rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** The numbers behind a chart, as a table a screen reader can walk, and as a CSV file. */
export function DataTable({ caption, table, filename }: { caption: string; table: Table; filename: string }) {
  const id = useId();
  return (
    <div className="space-y-2">
      <div className="max-h-72 overflow-auto rounded border border-slate-200">
        <table aria-describedby={id} className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-slate-50 text-slate-600">
            <tr>
              {table.columns.map((column, i) => (
                <th key={column} scope="col" className={`px-2 py-1 font-medium ${i > 0 ? "text-right" : ""}`}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-2 py-1 font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="px-2 py-1 text-right tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={id} className="sr-only">
        {table.rows.length === 0 ? "No rows." : `${table.rows.length} rows.`}
      </p>
      <button
        type="button"
        className="rounded px-2 py-1 text-sm ring-1 ring-slate-300 hover:bg-slate-100"
        onClick={() => downloadFile(filename, "text/csv", toCsv(table))}
      >
        Download CSV<span className="sr-only">: {caption}</span>
      </button>
    </div>
  );
}
