// Whether two labels say the same thing, up to book-title marks, brackets and spaces: a citation
// equal to the name it follows ("18 U.S.C. § 2703(f) (18 U.S.C. § 2703(f))", "《网络安全法》第二十八条
// · 网络安全法 第二十八条") is not shown twice.
const norm = (s: string) => s.replace(/[《》〈〉「」\s]/g, '').toLowerCase();

export function sameLabel(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b) && norm(a!) === norm(b!);
}
