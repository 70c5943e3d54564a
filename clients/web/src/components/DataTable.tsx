import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
}

/**
 * A table that stays readable on a phone: from 600 px down each row becomes a card of "header: value" lines
 * (the header repeated before each value), so nothing scrolls sideways. Fluent UI's Table otherwise.
 */
export function DataTable<Row>({ columns, rows, rowKey, label, empty }: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  label: string;
  /** What to say when there are no rows (an empty state that explains, not an empty table). */
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty) return <p className="empty">{empty}</p>;
  return (
    <Table aria-label={label} className="responsive" size="small">
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c.key}>{c.header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)}>
            {columns.map((c) => (
              <TableCell key={c.key} data-label={c.header}>
                {c.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
