// Shapes of the STIX object routes (/api/intel/objects, /api/intel/stix/*) as the web uses them.
import type { Bilingual } from './client';

export type IntelObjectSummary = {
  id: string; type: string; label: string; tlp: string | null; modified: string; addedAt: string; collectionId: string; source: string;
};

export type IntelObjectVersion = IntelObjectSummary & { specVersion: string; created: string | null; object: Record<string, unknown> };

export type StixIssue = { path: string; code: string; message: Bilingual };
export type InvalidStixObject = { index: number; id?: string; type?: string; issues: StixIssue[] };

export type StixImportResult = {
  collectionId: string; total: number; imported: number; duplicates: number; invalidCount: number; invalid: InvalidStixObject[];
};
