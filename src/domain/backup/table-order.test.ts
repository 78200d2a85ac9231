// Load order for restore: parents first, and the keys no order can satisfy are named.
import { describe, expect, it } from 'vitest';
import { foreignKeyOrder, keysToDefer } from './table-order.js';

const edge = (table: string, references: string) => ({ table, references, name: `${table}_${references}_fkey` });

describe('foreignKeyOrder', () => {
  it('puts referenced tables before the tables that reference them, ties by name', () => {
    const edges = [
      edge('custody_events', 'case_evidence'),
      edge('case_evidence', 'cases'),
      edge('public_reports', 'cases'),
      edge('public_reports', 'public_reports'),
    ];
    const order = foreignKeyOrder(['public_reports', 'custody_events', 'cases', 'case_evidence', 'users'], edges);
    expect(order).toEqual(['cases', 'users', 'case_evidence', 'public_reports', 'custody_events']);
    expect(keysToDefer(order, edges).map((e) => e.name)).toEqual(['public_reports_public_reports_fkey']);
  });

  it('keeps every table of a cycle and defers the keys that close it', () => {
    const edges = [edge('a', 'b'), edge('b', 'a'), edge('c', 'a')];
    const order = foreignKeyOrder(['c', 'b', 'a', 'd'], edges);
    expect(order).toEqual(['d', 'a', 'b', 'c']);
    expect(keysToDefer(order, edges).map((e) => e.name)).toEqual(['a_b_fkey']);
  });
});
