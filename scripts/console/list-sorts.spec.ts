import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every list request the console makes sorts on a field, named or react-admin's default `id`;
 * the admin API answers 400 for a field its repository does not allow, and a reference input
 * that gets a 400 hangs on "Please wait" (issue 14). This reads the console's source and the
 * repositories' SORTABLE lists and checks each sort against them, so a new input or column
 * cannot bring the hang back.
 */
const ROOT = path.resolve(__dirname, '../..');
const CONSOLE_SRC = path.join(ROOT, 'apps/console/src');
const REPOSITORIES = path.join(ROOT, 'libs/db/src/repositories');

/** The repository (and its list of sortable fields) that answers each resource's list. */
const REPOSITORY_OF: Record<string, [file: string, list: string]> = {
  merchants: ['merchant.repository.ts', 'SORTABLE'],
  outlets: ['outlet.repository.ts', 'SORTABLE'],
  terminals: ['terminal.repository.ts', 'SORTABLE'],
  'partner-grants': ['partner-grant.repository.ts', 'SORTABLE'],
  credentials: ['credential.repository.ts', 'SORTABLE'],
  'sftp-accounts': ['sftp-account.repository.ts', 'SORTABLE'],
  users: ['user.repository.ts', 'SORTABLE'],
  'webhook-endpoints': ['webhook-endpoint.repository.ts', 'SORTABLE'],
  'webhook-deliveries': ['webhook-delivery.repository.ts', 'SORTABLE'],
  transactions: ['transaction.repository.ts', 'SORTABLE'],
  'payment-plans': ['payment-plan.repository.ts', 'SORTABLE'],
  'sso-tokens': ['sso-token-scoped.repository.ts', 'SORTABLE'],
  settlements: ['settlement.repository.ts', 'SORTABLE'],
  disputes: ['dispute.repository.ts', 'SORTABLE'],
  'batch-files': ['batch-file.repository.ts', 'SORTABLE'],
  'audit-log': ['audit-log.repository.ts', 'SORTABLE'],
  organizations: ['organization.repository.ts', 'SORTABLE'],
};
/** Nested lists: the data provider sends them no sort at all (dataProvider.ts, NESTED). */
const UNSORTED = new Set(['settlement-items', 'batch-file-records']);

/** A repository's sortable fields, plus the aliases it maps (`sort?.field === 'openedAt'`). */
function allowedSorts(resource: string): string[] {
  const [file, list] = REPOSITORY_OF[resource];
  const text = readFileSync(path.join(REPOSITORIES, file), 'utf8');
  const declared = new RegExp(`const ${list} = \\[([^\\]]*)\\]`).exec(text);
  if (!declared) throw new Error(`${file} has no ${list} list`);
  const fields = [...declared[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const aliases = [...text.matchAll(/sort\?\.field === '([^']+)'/g)].map((m) => m[1]);
  return [...fields, ...aliases];
}

interface SortUse {
  where: string;
  resource: string;
  field: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

const attr = (el: ts.JsxOpeningLikeElement, name: string) =>
  el.attributes.properties.find(
    (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === name,
  );

function stringAttr(el: ts.JsxOpeningLikeElement, name: string): string | undefined {
  const init = attr(el, name)?.initializer;
  if (!init) return undefined;
  if (ts.isStringLiteral(init)) return init.text;
  if (ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression))
    return init.expression.text;
  return undefined;
}

/** `{ field: 'x', … }` inside a `sort` attribute or argument. */
function sortField(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isJsxExpression(node)) return sortField(node.expression);
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  const field = node.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'field',
  );
  return field && ts.isStringLiteralLike(field.initializer) ? field.initializer.text : undefined;
}

const tagName = (el: ts.JsxOpeningLikeElement) => el.tagName.getText();
const LISTS_BY_REFERENCE = new Set([
  'ReferenceInput',
  'ReferenceArrayInput',
  'ReferenceManyField',
  'ReferenceManyCount',
]);
/** react-admin's field components: sortable on their `source` unless told otherwise. */
const isField = (name: string) => /Field$/.test(name) || name === 'Column' || name === 'DataTable.Col';

/** Every sort the console can send, with the resource it is sent to. */
function sortUses(file: string): SortUse[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const rel = path.relative(CONSOLE_SRC, file);
  // A <List> lists the resource whose folder it is in (App.tsx registers them by folder).
  const ownResource = rel.split(path.sep)[0];
  const uses: SortUse[] = [];
  const at = (node: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  const visit = (node: ts.Node, resource: string | undefined, inGrid: boolean) => {
    let nextResource = resource;
    let nextGrid = inGrid;
    const opening = ts.isJsxElement(node)
      ? node.openingElement
      : ts.isJsxSelfClosingElement(node)
        ? node
        : undefined;
    if (opening) {
      const name = tagName(opening);
      const sort = attr(opening, 'sort');
      if (name === 'List' && attr(opening, 'filters')) {
        nextResource = ownResource;
        uses.push({ where: at(opening), resource: ownResource, field: sortField(sort?.initializer) ?? 'id' });
      } else if (LISTS_BY_REFERENCE.has(name)) {
        const reference = stringAttr(opening, 'reference') ?? '?';
        if (name === 'ReferenceManyField') nextResource = reference;
        if (!UNSORTED.has(reference))
          uses.push({ where: at(opening), resource: reference, field: sortField(sort?.initializer) ?? 'id' });
      } else if (name === 'CountCard') {
        // CountCard asks for the newest row: sort createdAt (CountCard.tsx).
        uses.push({
          where: at(opening),
          resource: stringAttr(opening, 'resource') ?? '?',
          field: 'createdAt',
        });
      } else if (name === 'Datagrid' || name === 'DataTable') {
        nextGrid = true;
      } else if (inGrid && resource && !UNSORTED.has(resource) && isField(name)) {
        const off =
          attr(opening, 'disableSort') ||
          /\{false\}/.test(attr(opening, 'sortable')?.initializer?.getText() ?? '');
        const source = stringAttr(opening, 'sortBy') ?? stringAttr(opening, 'source');
        if (!off && source) uses.push({ where: at(opening), resource, field: source });
        // A column's children render its cells; they are not columns themselves.
        nextGrid = false;
      }
    }
    if (ts.isCallExpression(node) && node.expression.getText() === 'useGetList') {
      const [res, params] = node.arguments;
      if (res && ts.isStringLiteralLike(res)) {
        const sortProp =
          params && ts.isObjectLiteralExpression(params)
            ? params.properties.find(
                (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'sort',
              )
            : undefined;
        uses.push({ where: at(node), resource: res.text, field: sortField(sortProp?.initializer) ?? 'id' });
      }
    }
    ts.forEachChild(node, (child) => visit(child, nextResource, nextGrid));
  };
  // A table outside any <List> or <ReferenceManyField> is rendered inside its folder's <List>.
  visit(sf, REPOSITORY_OF[ownResource] ? ownResource : undefined, false);
  return uses;
}

const uses = sourceFiles(CONSOLE_SRC).flatMap(sortUses);

describe('console list sorts', () => {
  it('finds the reference inputs, lists and sortable columns it checks', () => {
    // The merchant filter of the Transactions list is the one that hung (issue 14).
    expect(
      uses.some((u) => u.where.startsWith('transactions/filters.tsx') && u.resource === 'merchants'),
    ).toBe(true);
    expect(uses.filter((u) => u.where.startsWith('transactions/TransactionList.tsx')).length).toBeGreaterThan(
      3,
    );
    expect(uses.length).toBeGreaterThan(30);
  });

  it('sends every resource only sorts its API list allows', () => {
    const refused = uses
      .filter((u) => !REPOSITORY_OF[u.resource] || !allowedSorts(u.resource).includes(u.field))
      .map((u) => `${u.where} sorts ${u.resource} by ${u.field}`);
    expect(refused).toEqual([]);
  });

  it('reads the sortable lists of the repositories', () => {
    expect(allowedSorts('merchants')).not.toContain('id');
    expect(allowedSorts('disputes')).toContain('openedAt');
  });
});
