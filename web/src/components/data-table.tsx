import type { ReactNode } from 'react';

/** A table that scrolls sideways inside its card at phone width, with a header row of column names. */
export function DataTable({ columns, caption, className, children }: { columns: readonly string[]; caption?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={className}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
