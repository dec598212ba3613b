// A long list (tens of thousands of mailboxes) as ONE Tab stop: the list itself takes focus and names its
// active row through aria-activedescendant; arrow keys, Page Up/Down, Home and End move, Space or Enter picks.
// Only the rows in view are in the DOM (tanstack virtual).
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    overflowY: 'auto',
    minHeight: '200px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingInline: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    minWidth: 0,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: { boxShadow: `inset 0 0 0 2px ${tokens.colorStrokeFocus2}` },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
});

export interface VirtualListboxProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  isSelected: (item: T) => boolean;
  onPick: (item: T) => void;
  renderRow: (item: T) => ReactNode;
  label: string;
  multiselect?: boolean;
  rowHeight?: number;
  className?: string;
  testId?: string;
  rowTestId?: string;
  rowData?: (item: T) => Record<string, string>;
}

export function VirtualListbox<T>({
  items,
  keyOf,
  isSelected,
  onPick,
  renderRow,
  label,
  multiselect,
  rowHeight = 52,
  className,
  testId,
  rowTestId,
  rowData,
}: VirtualListboxProps<T>) {
  const s = useStyles();
  const base = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtual = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const at = Math.min(active, Math.max(0, items.length - 1));
  useEffect(() => {
    if (active >= items.length && items.length > 0) setActive(items.length - 1);
  }, [active, items.length]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(items.length - 1, to));
    setActive(next);
    virtual.scrollToIndex(next, { align: 'auto' });
  };
  const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight * 8) / rowHeight) - 1);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      PageDown: () => move(at + page),
      PageUp: () => move(at - page),
      Home: () => move(0),
      End: () => move(items.length - 1),
      ' ': () => onPick(items[at]),
      Enter: () => onPick(items[at]),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };
  const rowId = (i: number) => `${base}-row-${i}`;

  return (
    <div
      ref={scroller}
      className={mergeClasses(s.scroller, className)}
      role="listbox"
      aria-label={label}
      aria-multiselectable={multiselect || undefined}
      aria-activedescendant={items.length ? rowId(at) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((row) => {
          const item = items[row.index];
          const selected = isSelected(item);
          return (
            <div
              key={keyOf(item)}
              id={rowId(row.index)}
              role="option"
              aria-selected={selected}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              className={mergeClasses(s.row, selected && s.selected, row.index === at && s.active)}
              style={{ top: row.start, height: rowHeight }}
              onClick={() => {
                setActive(row.index);
                onPick(item);
              }}
              data-testid={rowTestId}
              {...(rowData?.(item) ?? {})}
            >
              {renderRow(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
