// Reads a signed directory given by an admin, a file or a peer, refusing one that is not well-formed
// with FED_DIRECTORY_INVALID and the first problems found.
import { ZSignedDirectory, type SignedDirectory } from '../../../domain/federation-directory/document.js';
import { AppError } from '../../../errors.js';

export function parseSignedDirectory(raw: unknown): SignedDirectory {
  const parsed = ZSignedDirectory.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(directory)'}: ${i.message}`);
  throw new AppError('FED_DIRECTORY_INVALID', { details: { problems } });
}
