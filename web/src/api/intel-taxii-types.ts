// Shapes of the TAXII admin routes (/api/intel/taxii, collections, feeds).

export type TaxiiInfo = { discoveryUrl: string; apiRootUrl: string; maxContentLength: number; apiRoots: { name: string; url: string }[] };

export type TaxiiCollection = {
  id: string; alias: string | null; title: string; description: string; readers: string[]; writers: string[];
  maxTlp: string; apiRoot: string; createdAt: string; objectCount?: number;
};

/** `complete` is false when the run ended early (lastError says why and what was kept). */
export type TaxiiFeedResult = { imported: number; duplicates: number; invalid: number; requests: number; complete?: boolean };

export type TaxiiFeed = {
  id: string; name: string; url: string; collection: string; targetCollectionId: string;
  auth: { kind: 'none' | 'bearer' | 'basic'; username?: string; hasSecret: boolean };
  intervalMinutes: number; enabled: boolean; watermark: string | null; nextRunAt: string; running: boolean;
  lastRunAt: string | null; lastResult: TaxiiFeedResult | null; lastError: string | null; createdAt: string; updatedAt: string;
};

export type TaxiiPullResult = {
  feed: TaxiiFeed; ran: boolean; error: string | null;
  summary: { imported: number; duplicates: number; invalid: { id?: string; reason: string }[]; invalidCount: number; requests: number; pages: number } | null;
};
