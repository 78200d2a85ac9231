// Screenshots chosen by the reporter: checked in the browser the way the server checks them
// (count, size, magic bytes) so mistakes show at once, before each is sent as a raw upload.
export const MAX_FILES = 5;
export const MAX_MB = 5;

export type FileProblem = { kind: 'tooMany' } | { kind: 'tooLarge' | 'wrongType'; name: string };

async function isAcceptedType(file: File): Promise<boolean> {
  const b = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const at = (sig: number[], off = 0) => sig.every((x, i) => b[off + i] === x);
  return (
    at([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) ||
    at([0xff, 0xd8, 0xff]) ||
    (at([0x52, 0x49, 0x46, 0x46]) && at([0x57, 0x45, 0x42, 0x50], 8)) ||
    at([0x25, 0x50, 0x44, 0x46, 0x2d])
  );
}

export async function checkFiles(files: File[]): Promise<FileProblem[]> {
  const out: FileProblem[] = [];
  if (files.length > MAX_FILES) out.push({ kind: 'tooMany' });
  for (const f of files) {
    if (f.size > MAX_MB * 1024 * 1024) out.push({ kind: 'tooLarge', name: f.name });
    else if (!(await isAcceptedType(f))) out.push({ kind: 'wrongType', name: f.name });
  }
  return out;
}
