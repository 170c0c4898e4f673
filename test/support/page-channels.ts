import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { type Channel, type EventName, isChannel, isEventName } from '../../electron/shared/channels.ts';

/** The contract's names a page's code writes: channels it can invoke, events it can listen to. */
export interface NamesUsed {
  channels: Set<Channel>;
  events: Set<EventName>;
}

/**
 * What of the contract a page's code can use, read from its source: every channel and
 * event name written in the code that runs from the page's entry. Imports are followed
 * one declaration at a time, as a bundler's tree-shaking does, so a page that imports one
 * hook from renderer/src/api/queries.ts is charged with that hook's channels only, not
 * with the whole file's. Type-only imports are erased and do not count; packages are not ours.
 */
export function contractNamesUsedBy(entry: string): NamesUsed {
  const modules = new Map<string, ModuleFacts>();
  const found: Found = { named: { channels: new Set(), events: new Set() }, pending: [] };
  const done = new Set<string>();
  found.pending.push({ file: resolve(entry), name: everything });
  for (let next = found.pending.pop(); next; next = found.pending.pop()) {
    const { file, name } = next;
    if (done.has(`${file}#${name}`)) continue;
    done.add(`${file}#${name}`);
    let facts = modules.get(file);
    if (!facts) {
      facts = readModule(file);
      modules.set(file, facts);
      // Importing anything from a module runs its top-level code, and what it imports for effect.
      for (const node of facts.runsOnImport) visit(node, file, facts, found);
      for (const imported of facts.importedForEffect) found.pending.push({ file: imported, name: justLoaded });
    }
    const reExport = facts.reExports.get(name);
    if (reExport) found.pending.push(reExport);
    const live = name === everything ? [...facts.declarations.values()].flat() : (facts.declarations.get(name) ?? []);
    for (const node of live) visit(node, file, facts, found);
  }
  return found.named;
}

/** Stands for a whole module: an entry, or a namespace import. */
const everything = '*';
/** Stands for no declaration: the module is loaded for its top-level code only. */
const justLoaded = '';

interface ModuleFacts {
  /** Top-level statements that run on import (calls, not declarations). */
  runsOnImport: ts.Node[];
  /** Modules imported for their effect alone (`import './x.ts'`). */
  importedForEffect: string[];
  /** Each top-level declaration by the name it declares. */
  declarations: Map<string, ts.Node[]>;
  /** Each imported local name: where it comes from. */
  imports: Map<string, Reference>;
  reExports: Map<string, Reference>;
}

interface Reference {
  file: string;
  name: string;
}

interface Found {
  named: NamesUsed;
  pending: Reference[];
}

function readModule(file: string): ModuleFacts {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const facts: ModuleFacts = {
    runsOnImport: [],
    importedForEffect: [],
    declarations: new Map(),
    imports: new Map(),
    reExports: new Map(),
  };
  const declare = (name: string, node: ts.Node) =>
    facts.declarations.set(name, [...(facts.declarations.get(name) ?? []), node]);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = ourModule(file, statement.moduleSpecifier);
      const clause = statement.importClause;
      if (from && !clause) facts.importedForEffect.push(from);
      if (!from || !clause || clause.phaseModifier === ts.SyntaxKind.TypeKeyword) continue;
      if (clause.name) facts.imports.set(clause.name.text, { file: from, name: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) {
        facts.imports.set(bindings.name.text, { file: from, name: everything });
      }
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (!element.isTypeOnly) {
            facts.imports.set(element.name.text, { file: from, name: (element.propertyName ?? element.name).text });
          }
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier && ourModule(file, statement.moduleSpecifier);
      const exported = statement.exportClause;
      if (!from || statement.isTypeOnly || !exported || !ts.isNamedExports(exported)) continue;
      for (const element of exported.elements) {
        facts.reExports.set(element.name.text, { file: from, name: (element.propertyName ?? element.name).text });
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) declare(declaration.name.text, declaration);
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      declare(statement.name.text, statement);
    } else if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) {
      facts.runsOnImport.push(statement);
    }
  }
  return facts;
}

/** The file a relative import names (our code), or null for a package or a stylesheet. */
function ourModule(importer: string, specifier: ts.Expression): string | null {
  if (!ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return null;
  const file = resolve(dirname(importer), specifier.text);
  return /\.tsx?$/.test(file) ? file : null;
}

/** Records the names live code writes, and queues what it uses of its own module and of others. */
function visit(node: ts.Node, file: string, facts: ModuleFacts, found: Found): void {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (isChannel(node.text)) found.named.channels.add(node.text);
    if (isEventName(node.text)) found.named.events.add(node.text);
  }
  if (ts.isIdentifier(node)) {
    const imported = facts.imports.get(node.text);
    if (imported) found.pending.push(imported);
    if (facts.declarations.has(node.text)) found.pending.push({ file, name: node.text });
  }
  ts.forEachChild(node, (child) => visit(child, file, facts, found));
}
