/**
 * The member tables (engine/bindings/tables/) against the code they describe: the declarations rendered from
 * them are valid, type-checked TypeScript (the compiler, not a pattern, reads them); each bound global's
 * declared methods are its host object's table; and every host class of both evaluators and both products
 * implements exactly its table's members (read from the classes' source with the compiler API).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { BINDING_DECLARATIONS, declaredGlobals, resolveScenario } from "../../engine";
import { createRunContext } from "../../engine/evaluators/context";
import { createTokenState } from "../../engine/token/state";
import { SeededRandom } from "../../engine/util/random";
import { nextGenBindings } from "../../engine/evaluators/nextgen/bindings";
import { legacyBindings } from "../../engine/evaluators/legacy/bindings";
import { HostObject } from "../../engine/sandbox/host";
import { MemberTable, parameterCounts } from "../../engine/bindings/members";

const ROOT = join(__dirname, "../..");
const ENGINE = join(ROOT, "engine");

function bindings(evaluator: "legacy" | "next-gen") {
  const scenario = resolveScenario({ session: {} });
  const random = new SeededRandom(1);
  const ctx = createRunContext(scenario, createTokenState(scenario, random), random);
  return (evaluator === "legacy" ? legacyBindings(ctx) : nextGenBindings(ctx)).globals;
}

/** A program of the declarations (plus `extra` script text), checked as the editor's TypeScript checks it. */
function program(evaluator: "legacy" | "next-gen", script = "") {
  const files: Record<string, string> = { "/bindings.d.ts": BINDING_DECLARATIONS[evaluator], "/script.ts": script };
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2020, lib: ["lib.es2020.d.ts"], strict: true, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  const readOwn = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) => (name in files ? ts.createSourceFile(name, files[name], language, true) : readOwn(name, language));
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  const prog = ts.createProgram({ rootNames: Object.keys(files), options, host });
  const diagnostics = ts.getPreEmitDiagnostics(prog).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  return { prog, diagnostics };
}

/** The callable members the declarations give a global's type (as the editor would complete them). */
function declaredMethodsOf(prog: ts.Program, globalName: string): string[] {
  const checker = prog.getTypeChecker();
  const file = prog.getSourceFile("/bindings.d.ts")!;
  let type: ts.Type | undefined;
  file.forEachChild((node) => {
    if (ts.isVariableStatement(node)) {
      for (const d of node.declarationList.declarations) if (d.name.getText() === globalName) type = checker.getTypeAtLocation(d);
    }
  });
  if (!type) return [];
  const object = checker.getNonNullableType(type);
  return checker
    .getPropertiesOfType(object)
    .filter((p) => checker.getTypeOfSymbol(p).getCallSignatures().length > 0)
    .map((p) => p.name);
}

describe("binding declarations (IntelliSense) rendered from the member tables", () => {
  for (const evaluator of ["legacy", "next-gen"] as const) {
    it(`${evaluator}: every declared global is bound, and every bound global is declared`, () => {
      const bound = Object.keys(bindings(evaluator)).sort();
      expect(declaredGlobals(evaluator).sort()).toEqual(bound);
    });

    it(`${evaluator}: the declarations type-check, and a script using them wrongly does not`, () => {
      expect(program(evaluator).diagnostics).toEqual([]);
      const wrong = program(evaluator, "accessToken.setField('a');\naccessToken.noSuchMethod();\n").diagnostics;
      expect(wrong.join("\n")).toMatch(/Expected 2 arguments, but got 1/);
      expect(wrong.join("\n")).toMatch(/Property 'noSuchMethod' does not exist on type 'AccessToken'/);
    });

    it(`${evaluator}: each bound host object's declared methods are its table's (what the sandbox dispatches)`, () => {
      const { prog } = program(evaluator);
      let compared = 0;
      for (const [name, value] of Object.entries(bindings(evaluator))) {
        if (!(value instanceof HostObject) || typeof value.guestConstruct === "function") continue;
        const offered = [...value.members.all()].filter((m) => !m.hidden && !m.name.startsWith("#")).map((m) => m.name);
        expect(declaredMethodsOf(prog, name).sort(), name).toEqual(offered.sort());
        compared++;
      }
      expect(compared).toBeGreaterThan(evaluator === "legacy" ? 4 : 9);
    });
  }

  it("a member table's overloads give the argument counts Rhino accepts", () => {
    expect(parameterCounts("<R>(onResult: (value: T) => R, onError?: (e: { a: 1, b: 2 }) => R): P<R>")).toEqual({ required: 1, optional: 1, rest: false });
    expect(parameterCounts("(format: string, ...args: any[]): void")).toEqual({ required: 1, optional: 0, rest: true });
    const table = new MemberTable("T", { substring: ["(begin: number): S", "(begin: number, end: number): S"], log: "(f: string, ...a: any[]): void" });
    expect([0, 1, 2, 3].map((n) => table.accepts("substring", n))).toEqual([false, true, true, false]);
    expect([0, 1, 5].map((n) => table.accepts("log", n))).toEqual([false, true, true]);
    expect(table.accepts("missing", 0)).toBe(false);
  });
});

// ---- Every host class against its table, from the source -------------------------------------------------

interface ClassInfo {
  name: string;
  file: string;
  node: ts.ClassDeclaration;
  base: string | null;
}

function engineFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return engineFiles(full);
    return full.endsWith(".ts") && !full.endsWith(".d.ts") ? [full] : [];
  });
}

const SOURCES = engineFiles(ENGINE).map((file) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true));

const CLASSES: ClassInfo[] = SOURCES.flatMap((source) => {
  const found: ClassInfo[] = [];
  source.forEachChild((node) => {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    const extended = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression.getText() ?? null;
    found.push({ name: node.name.text, file: source.fileName, node, base: extended });
  });
  return found;
});

function classNamed(name: string, near: string): ClassInfo | undefined {
  const all = CLASSES.filter((c) => c.name === name);
  return all.find((c) => c.file === near) ?? all[0];
}

/** The class and its ancestors up to (not including) HostObject; null when it is no host class. */
function hostChain(info: ClassInfo): ClassInfo[] | null {
  const chain: ClassInfo[] = [];
  let current: ClassInfo | undefined = info;
  while (current) {
    chain.push(current);
    if (current.base === "HostObject") return chain;
    if (!current.base) return null;
    current = classNamed(current.base, current.file);
  }
  return null;
}

const modifiers = (node: ts.Node) => (ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []).map((m): ts.SyntaxKind => m.kind) : []);
const isAbstract = (info: ClassInfo) => modifiers(info.node).includes(ts.SyntaxKind.AbstractKeyword);

/** Public instance methods a class declares, and whether each is tagged `@host` (called by host code only). */
function publicMethods(info: ClassInfo): { name: string; hostOnly: boolean }[] {
  return info.node.members.flatMap((m) => {
    if (!ts.isMethodDeclaration(m) || !m.name || !ts.isIdentifier(m.name)) return [];
    const mods = modifiers(m);
    if ([ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.StaticKeyword].some((k) => mods.includes(k))) return [];
    return [{ name: m.name.text, hostOnly: ts.getJSDocTags(m).some((t) => t.tagName.text === "host") }];
  });
}

/** Exported member tables by their constant's name (what a class's `members` initializer names). */
async function tablesByName(): Promise<Map<string, MemberTable>> {
  const dir = join(ENGINE, "bindings/tables");
  const byName = new Map<string, MemberTable>();
  for (const file of [...readdirSync(dir).map((f) => join(dir, f)), join(ENGINE, "bindings/members.ts")]) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (value instanceof MemberTable) byName.set(name, value);
  }
  return byName;
}

/** The identifiers an expression mentions (`kind === "set" ? A : B` names A and B). */
function identifiersIn(node: ts.Node): string[] {
  const names: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n)) names.push(n.text);
    n.forEachChild(visit);
  };
  visit(node);
  return names;
}

/** Where a class chain says its table comes from: a `members` property initializer or `this.members = …`. */
function membersSources(chain: ClassInfo[]): ts.Node[] {
  for (const info of chain) {
    const found: ts.Node[] = [];
    for (const m of info.node.members) {
      if (ts.isPropertyDeclaration(m) && m.name.getText() === "members" && m.initializer) found.push(m.initializer);
      if (ts.isConstructorDeclaration(m) && m.body) {
        const visit = (n: ts.Node) => {
          if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && n.left.getText() === "this.members") found.push(n.right);
          n.forEachChild(visit);
        };
        visit(m.body);
      }
    }
    if (found.length) return found;
  }
  return [];
}

/** Guest names served by a differently named host method (`guestAliases`, and the sandbox's own hooks). */
function aliasTargets(chain: ClassInfo[]): { aliases: Map<string, string>; targets: Set<string> } {
  const targets = new Set<string>();
  const aliases = new Map<string, string>([
    ["#primitive", "guestPrimitive"],
    ["#instanceof", "guestHasInstance"],
  ]);
  const collect = (node: ts.Node, file: ts.SourceFile) => {
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.initializer)) {
      aliases.set(node.name.getText(), node.initializer.text);
      targets.add(node.initializer.text);
    }
    if (ts.isIdentifier(node)) {
      // A shared alias constant (JAVA_ALIASES): read its declaration in the same file.
      file.forEachChild((s) => {
        if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (d.name.getText() === node.text && d.initializer) collect(d.initializer, file);
      });
    }
    node.forEachChild((n) => collect(n, file));
  };
  for (const info of [...chain].reverse()) {
    const file = SOURCES.find((s) => s.fileName === info.file)!;
    for (const m of info.node.members) {
      if (ts.isPropertyDeclaration(m) && m.name.getText() === "guestAliases" && m.initializer) collect(m.initializer, file);
      if (ts.isConstructorDeclaration(m) && m.body) {
        const visit = (n: ts.Node) => {
          if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && n.left.getText() === "this.guestAliases") collect(n.right, file);
          n.forEachChild(visit);
        };
        visit(m.body);
      }
    }
  }
  return { aliases, targets };
}

/**
 * Classes whose table is built when an object is made, from what it is given (a Java class's static methods,
 * a binding AM lists but the playground cannot serve): they define each listed member as they build it.
 */
const BUILT_AT_CONSTRUCTION: Record<string, string> = {
  JavaClass: "its static methods, given by the class it stands for",
  NotEmulatedBinding: "the table it is handed; each member throws 'not emulated'",
};

/** JavaScript's own protocol, which host code calls too: a class may define them without offering them. */
const HOST_PROTOCOL = new Set(["toString", "valueOf", "toJSON"]);

describe("every host class implements exactly its member table", async () => {
  const tables = await tablesByName();
  const hostClasses = CLASSES.filter((c) => !isAbstract(c) && hostChain(c) !== null);

  it("finds the host classes of both evaluators and both products", () => {
    const where = new Set(hostClasses.map((c) => relative(ENGINE, c.file).split("/").slice(0, 2).join("/")));
    for (const folder of ["evaluators/legacy", "evaluators/nextgen", "products/ibm", "products/onewelcome"]) expect([...where]).toContain(folder);
    expect(hostClasses.length).toBeGreaterThan(50);
  });

  for (const info of hostClasses) {
    const label = `${info.name} (${relative(ROOT, info.file)})`;
    it(label, async () => {
      const chain = hostChain(info)!;
      const sources = membersSources(chain);
      const named = sources.flatMap(identifiersIn).filter((n) => tables.has(n));
      if (info.name in BUILT_AT_CONSTRUCTION) {
        expect(named, `${label} is listed as building its table, yet names a table`).toEqual([]);
        return;
      }
      expect(sources.length, `${label} has no members`).toBeGreaterThan(0);
      expect(named.length, `${label}: its members name no table of engine/bindings/tables`).toBeGreaterThan(0);
      const declared = new Map(chain.flatMap(publicMethods).map((m) => [m.name, m.hostOnly]));
      const exported = (await import(info.file)) as Record<string, unknown>;
      const prototype = (exported[info.name] as { prototype?: Record<string, unknown> } | undefined)?.prototype;
      const { aliases, targets } = aliasTargets(chain);
      const served = new Set<string>();
      for (const table of named.map((n) => tables.get(n)!)) {
        for (const member of table.names) {
          const target = aliases.get(member) ?? member;
          served.add(target);
          const exists = declared.has(target) || typeof prototype?.[target] === "function" || (target === "toString" && HOST_PROTOCOL.has(target));
          expect(exists, `${label}: table ${table.name} lists ${member}, which the class does not implement`).toBe(true);
        }
      }
      const unlisted = [...declared].filter(
        ([name, hostOnly]) => !hostOnly && !served.has(name) && !targets.has(name) && !name.startsWith("guest") && !HOST_PROTOCOL.has(name),
      );
      expect(unlisted.map(([n]) => n), `${label}: public methods its table does not list (list them, make them private, or tag them @host)`).toEqual([]);
    });
  }
});
