// Markdown (knowledge articles are written in it) reduced to the text a reader sees, for the search
// index's stored text: snippets are cut from it, and `**`, `##` or `[x](url)` in a result list read
// as noise. Only the syntax is removed; every word stays, so the index terms are the same.
export function plainTextOfMarkdown(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, '') // code fences (their content stays)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images → their alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links → their text
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '') // headings
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '') // block quotes
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '') // list markers
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '') // rules
    .replace(/(\*\*|__)(.+?)\1/g, '$2') // strong
    .replace(/(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])/g, '$2') // emphasis
    .replace(/`([^`]*)`/g, '$1') // inline code
    .replace(/~~(.+?)~~/g, '$1') // strike-through
    .replace(/\n{3,}/g, '\n\n');
}
