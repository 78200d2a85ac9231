// A lint rule for the layers of docs/architecture.md ("Layers"): every relative import is resolved to
// the file it names, both ends are placed in their layer by path, and an import the table does not
// allow is reported. Resolving (rather than matching the import text) keeps `./federation/errors.js`
// inside src/domain apart from src/federation.
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The layer of a repository-relative path: the first entry naming it or a folder above it. */
function layerOf(layers, rel) {
  for (const [name, prefixes] of Object.entries(layers)) {
    if (prefixes.some((p) => rel === p || rel.startsWith(`${p}/`))) return name;
  }
  return null;
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of docs/architecture.md' },
    schema: [{ type: 'object', additionalProperties: true }],
    messages: {
      refused: '{{from}} may not import {{to}} ({{target}}): {{why}} See docs/architecture.md, "Layers".',
    },
  },
  create(context) {
    const { layers, allow, typesAllowed = {}, why = {} } = context.options[0];
    const file = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const from = layerOf(layers, file);
    if (!from) return {};
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path
        .relative(ROOT, path.resolve(path.dirname(context.filename), source))
        .split(path.sep)
        .join('/');
      const to = layerOf(layers, target);
      if (!to || to === from || allow[from]?.includes(to)) return;
      if (typeOnly && typesAllowed[from]?.includes(to)) return;
      context.report({ node, messageId: 'refused', data: { from, to, target, why: why[from] ?? '' } });
    };
    return {
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === 'type' ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        check(node, node.source.value, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type');
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, false);
      },
    };
  },
};

export default { rules: { boundaries } };
