// The one table of rows the screens show (a run's mailboxes and files, skipped items, a two-way preview, conflicts,
// events, free/busy blocks, presence status, import counts): a header row, then one row per item. However many rows
// it holds, the table is ONE Tab stop — arrow keys move between rows (and the buttons inside them), Home/End jump —
// so a report with 500 mailboxes does not take 500 Tab presses to leave. A row that opens something (onOpen) opens
// on Enter, Space or a click and shows as selected.
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  table: { tableLayout: 'fixed', width: '100%' },
  cell: { overflowWrap: 'anywhere', verticalAlign: 'top', paddingBlock: tokens.spacingVerticalXS },
  row: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' } },
  openable: { cursor: 'pointer' },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
});

export interface DataColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** Width and the like, for the header cell (the column follows it: the table's layout is fixed). */
  className?: string;
  /** data-testid of this column's cell in a row. */
  cellTestId?: (row: T) => string | undefined;
}

export interface DataTableProps<T> {
  /** The table's accessible name. */
  label: string;
  columns: ReadonlyArray<DataColumn<T>>;
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  testId?: string;
  rowTestId?: (row: T, index: number) => string;
  /** Extra data-* attributes of a row (data-ok…), for tests and styling. */
  rowData?: (row: T) => Record<string, string>;
  /** Rows that open something: Enter, Space or a click calls this; the row named by rowLabel. */
  onOpen?: (row: T) => void;
  isSelected?: (row: T) => boolean;
  rowLabel?: (row: T) => string;
  className?: string;
}

export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  testId,
  rowTestId,
  rowData,
  onOpen,
  isSelected,
  rowLabel,
  className,
}: DataTableProps<T>) {
  const s = useStyles();
  const arrows = useArrowNavigationGroup({ axis: 'grid-linear', memorizeCurrent: true });
  return (
    <Table size="small" className={mergeClasses(s.table, className)} aria-label={label} data-testid={testId}>
      <TableHeader>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c.id} className={c.className}>
              {c.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody {...arrows}>
        {rows.map((row, i) => {
          const selected = isSelected?.(row);
          return (
            <TableRow
              key={rowKey(row, i)}
              tabIndex={0}
              className={mergeClasses(s.row, onOpen && s.openable, selected && s.selected)}
              aria-selected={isSelected ? !!selected : undefined}
              aria-label={rowLabel?.(row)}
              onClick={onOpen ? () => onOpen(row) : undefined}
              onKeyDown={
                onOpen
                  ? (k) => {
                      if (k.target !== k.currentTarget || (k.key !== 'Enter' && k.key !== ' ')) return;
                      k.preventDefault();
                      onOpen(row);
                    }
                  : undefined
              }
              data-testid={rowTestId?.(row, i)}
              {...rowData?.(row)}
            >
              {columns.map((c) => (
                <TableCell key={c.id} className={s.cell} data-testid={c.cellTestId?.(row)}>
                  {c.cell(row, i)}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
