/**
 * Rhino matches a call to a Java method against the method's overloads and refuses any other argument count
 * with "Can't find method <declaring class>.<name>(<argument types>).". The member tables carry the overloads;
 * these tests hold them to what real Rhino 1.7.14 recorded (java-signatures.json) and the playground's answers
 * to what Rhino printed for the same script (goldens below, from `rhino -version 0`).
 */
import { describe, expect, it } from "vitest";
import { run } from "../../engine";
import recorded from "../../engine/evaluators/legacy/java-signatures.json";
import {
  JAVA_BOOLEAN_MEMBERS,
  JAVA_ITERATOR_MEMBERS,
  JAVA_LIST_MEMBERS,
  JAVA_MAP_MEMBERS,
  JAVA_NUMBER_MEMBERS,
  JAVA_SET_MEMBERS,
  JAVA_STRING_MEMBERS,
} from "../../engine/bindings/tables/java";
import type { MemberTable } from "../../engine/bindings/members";

const SIGNATURES = recorded as Record<string, Record<string, string>>;

/** Argument counts of a recorded Java method's overloads (`int indexOf(int)\nint indexOf(java.lang.String,int)`). */
function javaCounts(text: string): number[] {
  const counts = text.split("\n").map((line) => {
    const params = /\((.*)\)/.exec(line)?.[1] ?? "";
    return params ? params.split(",").length : 0;
  });
  return [...new Set(counts)].sort();
}

const CHECKED: [MemberTable, string[]][] = [
  [JAVA_STRING_MEMBERS, ["java.lang.String"]],
  [JAVA_BOOLEAN_MEMBERS, ["java.lang.Boolean"]],
  [JAVA_NUMBER_MEMBERS, ["java.lang.Double", "java.lang.Integer", "java.lang.Long"]],
  [JAVA_LIST_MEMBERS, ["java.util.ArrayList", "java.util.Collections$UnmodifiableRandomAccessList"]],
  [JAVA_SET_MEMBERS, ["java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.Collections$UnmodifiableSet"]],
  [JAVA_MAP_MEMBERS, ["java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.Collections$UnmodifiableMap"]],
  [JAVA_ITERATOR_MEMBERS, ["java.util.HashMap$KeyIterator", "java.util.ArrayList$Itr"]],
];

describe("Java method overloads in the member tables", () => {
  for (const [table, classes] of CHECKED) {
    it(`${table.name}: checks argument counts, and takes exactly the counts Rhino found on ${classes.join(", ")}`, () => {
      expect(table.checksArity).toBe(true);
      let compared = 0;
      for (const javaClass of classes) {
        for (const member of table.all()) {
          const text = SIGNATURES[javaClass]?.[member.name];
          if (member.hidden || text === undefined) continue;
          const ours = [0, 1, 2, 3, 4, 5].filter((n) => table.accepts(member.name, n));
          expect(ours, `${javaClass}.${member.name}: ${text}`).toEqual(javaCounts(text));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(classes.length * 3);
    });
  }
});

/** Runs each expression in a legacy script and gives what it returned or how it failed, one line each. */
async function outcomes(expressions: string[]): Promise<string[]> {
  const script = [
    "function t(f) { try { return String(f()); } catch (e) { return e.name + ': ' + e.message; } }",
    "var s = new java.lang.String('abc'), out = [];",
    ...expressions.map((e) => `out.push(t(function () { return ${e}; }));`),
    "accessToken.setField('out', out.join('\\n'));",
  ].join("\n");
  const result = await run(script, { evaluator: "legacy" });
  expect(result.error).toBeNull();
  return String(result.introspection?.out).split("\n");
}

describe("calls no overload takes fail as in Rhino", () => {
  it("names the method, the class Rhino reflected it from, and the argument types", async () => {
    // Each line was printed by rhino -version 0 for the same expression; Rhino's message ends with the call's
    // position, " (<Unknown source>#line)" in AM's legacy evaluator (engine/evaluators/rhino-position.ts).
    const golden: [string, string][] = [
      ["s.substring()", "InternalError: Can't find method java.lang.String.substring()."],
      ["s.substring(1, 2, 3)", "InternalError: Can't find method java.lang.String.substring(number,number,number)."],
      ["s.length(1)", "InternalError: Can't find method java.lang.String.length(number)."],
      ["s.equals()", "InternalError: Can't find method java.lang.String.equals()."],
      ["s.split()", "InternalError: Can't find method java.lang.String.split()."],
      ["s.split(',', 1, 2)", "InternalError: Can't find method java.lang.String.split(string,number,number)."],
      ["s.hashCode(1)", "InternalError: Can't find method java.lang.String.hashCode(number)."],
      ["new java.util.ArrayList().add()", "InternalError: Can't find method java.util.ArrayList.add()."],
      ["new java.util.ArrayList().size(1)", "InternalError: Can't find method java.util.ArrayList.size(number)."],
      ["new java.util.ArrayList().containsAll()", "InternalError: Can't find method java.util.AbstractCollection.containsAll()."],
      ["new java.util.HashSet().containsAll()", "InternalError: Can't find method java.util.AbstractCollection.containsAll()."],
      ["new java.util.HashMap().get()", "InternalError: Can't find method java.util.HashMap.get()."],
      ["new java.util.HashMap().put('a')", "InternalError: Can't find method java.util.HashMap.put(string)."],
      ["new java.lang.Boolean(true).booleanValue(1)", "InternalError: Can't find method java.lang.Boolean.booleanValue(number)."],
      ["new java.util.HashSet().iterator().next(1)", "InternalError: Can't find method java.util.Iterator.next(number)."],
      ["new java.util.ArrayList().iterator().next(1)", "InternalError: Can't find method java.util.Iterator.next(number)."],
      ["java.util.Collections.unmodifiableList(new java.util.ArrayList()).size(1)", "InternalError: Can't find method java.util.List.size(number)."],
      ["java.util.Collections.unmodifiableSet(new java.util.HashSet()).size(1)", "InternalError: Can't find method java.util.Set.size(number)."],
      ["java.util.Collections.emptyList().size(1)", "InternalError: Can't find method java.util.AbstractCollection.size(number)."],
      ["java.util.Collections.singletonList(1).get()", "InternalError: Can't find method java.util.AbstractList.get()."],
    ];
    expect(await outcomes(golden.map(([e]) => e))).toEqual(golden.map(([, g], i) => `${g} (<Unknown source>#${i + 3})`));
  });

  it("the overloads the tables added work as in Rhino", async () => {
    const golden: [string, string][] = [
      ["s.toUpperCase(java.util.Locale.ROOT)", "ABC"],
      ["(function () { var b = s.getBytes('ISO-8859-1'); return b.length + ':' + b[0]; })()", "3:97"],
      [
        "(function () { var x = new java.util.ArrayList(); x.add('a'); x.add('d'); var y = new java.util.ArrayList(); y.add('b'); y.add('c'); x.addAll(1, y); return x; })()",
        "[a, b, c, d]",
      ],
      ["(function () { var x = new java.util.HashMap(); x.put('a', '1'); return x.remove('a', '2') + ',' + x.remove('a', '1') + ',' + x; })()", "false,true,{}"],
    ];
    expect(await outcomes(golden.map(([e]) => e))).toEqual(golden.map(([, g]) => g));
  });
});
