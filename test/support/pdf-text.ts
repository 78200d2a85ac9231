// Text of a PDF for tests, read with a pure-JS PDF reader (no poppler needed in CI).
import { extractText, getDocumentProxy } from 'unpdf';

export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}
