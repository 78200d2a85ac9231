// Shared shapes for the error catalogue; kept apart from errors.ts so area catalogues
// can import them as types without creating an import cycle.

/** A text every person-facing message carries in both working languages. */
export type Bilingual = { en: string; zh: string };

/** One catalogue entry: the HTTP status a code maps to and its default message. */
export type ErrorDef = { status: number; message: Bilingual };

export type ErrorCatalogue = Record<string, ErrorDef>;

/** One problem found while validating input: where, which rule, and what to tell the user. */
export type ValidationIssue = { path: string; code: string; message: Bilingual };
