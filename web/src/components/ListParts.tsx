// The parts every list page shares: the filter toolbar above a list, and a table whose header is
// a list of column titles and whose rows come from one render function per item.
import type { ReactNode } from 'react';

/** The filters of a list, announced to assistive technology as a search region. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="panel-body filter-bar">
      <div className="toolbar" role="search" aria-label={label}>
        {children}
      </div>
    </div>
  );
}

export type Column = { title: ReactNode; className?: string };

/**
 * A table of `items`, or `empty` when there are none. `row` renders one item's cells (the <td>s);
 * `rowClass` marks rows (e.g. overdue). `region` makes a wide table a focusable, named scroll region.
 * `rowKey` gets the item's index too, for items without an identity of their own.
 * `caption` titles the table (its text and class), `className` adds classes to the <table> beside
 * `table`, and `testId` is the <table>'s data-testid for tests that wait for it. `sections` splits
 * the rows under headings (one <tbody> each, e.g. peers by region); `items` still decides `empty`.
 */
export function DataTable<T>({
  columns,
  items,
  rowKey,
  row,
  rowClass,
  empty,
  region,
  caption,
  className,
  testId,
  sections,
}: {
  columns: (ReactNode | Column)[];
  items: readonly T[];
  rowKey: (item: T, index: number) => string | number;
  row: (item: T) => ReactNode;
  rowClass?: (item: T) => string | undefined;
  empty?: ReactNode;
  region?: string;
  caption?: Column;
  className?: string;
  testId?: string;
  sections?: { key: string; title: ReactNode; items: readonly T[] }[];
}) {
  if (items.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <div className="table-wrap" {...(region ? { tabIndex: 0, role: 'region', 'aria-label': region } : {})}>
      <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
        {caption && <caption className={caption.className}>{caption.title}</caption>}
        <thead>
          <tr>
            {columns.map((c, i) => {
              const col: Column = isColumn(c) ? c : { title: c };
              return (
                <th key={i} scope="col" className={col.className}>
                  {col.title}
                </th>
              );
            })}
          </tr>
        </thead>
        {sections ? (
          sections.map((section) => (
            <tbody key={section.key} data-section={section.key}>
              <tr className="section-row">
                <th scope="colgroup" colSpan={columns.length}>
                  {section.title}
                </th>
              </tr>
              {section.items.map((item, i) => (
                <tr key={rowKey(item, i)} className={rowClass?.(item)}>
                  {row(item)}
                </tr>
              ))}
            </tbody>
          ))
        ) : (
          <tbody>
            {items.map((item, i) => (
              <tr key={rowKey(item, i)} className={rowClass?.(item)}>
                {row(item)}
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

function isColumn(c: ReactNode | Column): c is Column {
  return typeof c === 'object' && c !== null && 'title' in c && !('$$typeof' in c);
}
