/**
 * A horizontal bar chart that is also its own data table: the bars are drawn in the table's cells,
 * so screen readers read a table with a caption, and everyone else sees bars. `content` marks the
 * labels as user or survey text (option labels, themes, words), each then in its own direction.
 */
export function BarChart({ caption, rows, valueLabel, labelHeader, content = false }: { caption: string; rows: Array<{ label: string; value: number; display?: string }>; valueLabel: string; labelHeader: string; content?: boolean }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <table className="w-full table-fixed text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row" className="w-1/3 py-1 pe-3 text-start align-middle font-normal wrap-anywhere">
              {content ? (
                <span dir="auto" data-content="label">
                  {r.label}
                </span>
              ) : (
                r.label
              )}
            </th>
            <td className="py-1 align-middle">
              <div className="flex items-center gap-2">
                <div className="h-4 rounded-sm bg-accent" style={{ width: `${Math.max(1, (r.value / max) * 100)}%` }} aria-hidden />
                <span className="tabular-nums">{r.display ?? r.value}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
