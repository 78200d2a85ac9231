// The internal error raised when a stored document (or a row) does not match its schema, on read or
// before a write: it names the table, the id and each failing path, so the log says what is wrong
// and where. Never shown to a person (the HTTP layer answers INTERNAL).
export type DocumentProblem = { path: string; message: string };

export class StoredDocumentError extends Error {
  constructor(
    readonly table: string,
    readonly id: string,
    readonly operation: 'read' | 'write',
    readonly problems: readonly DocumentProblem[],
  ) {
    const listed = problems
      .slice(0, 10)
      .map((p) => `${p.path || '(document)'}: ${p.message}`)
      .join('; ');
    const more = problems.length > 10 ? ` (+${problems.length - 10} more)` : '';
    super(
      `Stored ${table}/${id} ${operation === 'read' ? 'read back' : 'to write'} does not match its schema: ${listed}${more}`,
    );
    this.name = 'StoredDocumentError';
  }
}
