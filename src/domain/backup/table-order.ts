// Orders tables so that each comes after the tables its foreign keys reference (parents first),
// and says which foreign keys no order can satisfy (a table referencing itself, or a cycle):
// restore drops those while loading and adds them back afterwards, which re-checks every row.

export type TableEdge = { table: string; references: string; name: string };

/** Parents before children; ties by name so the order is stable. Tables in a cycle keep name order at the end. */
export function foreignKeyOrder(tables: readonly string[], edges: readonly TableEdge[]): string[] {
  const known = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) {
    if (e.table !== e.references && known.has(e.table) && known.has(e.references))
      parents.get(e.table)!.add(e.references);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  for (;;) {
    const ready = [...tables].sort().filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0) break;
    for (const t of ready) {
      order.push(t);
      placed.add(t);
    }
  }
  return [...order, ...[...tables].sort().filter((t) => !placed.has(t))];
}

/** Foreign keys whose referenced table is not loaded strictly before the referencing one. */
export function keysToDefer<T extends TableEdge>(loadOrder: readonly string[], edges: readonly T[]): T[] {
  const position = new Map(loadOrder.map((t, i) => [t, i]));
  return edges.filter((e) => {
    const child = position.get(e.table);
    const parent = position.get(e.references);
    return child !== undefined && (parent === undefined || parent >= child);
  });
}
