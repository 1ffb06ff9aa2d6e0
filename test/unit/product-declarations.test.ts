/**
 * The editor's declarations for IBM mapping rules and OneWelcome hook handlers: valid TypeScript (typechecked
 * with the compiler, together with code that uses them as a rule does), and the same members as the host
 * objects a rule really gets (IBM) or the hook contract's schema (OneWelcome), so IntelliSense cannot drift.
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { IBM_DECLARATIONS } from "../../engine/products/ibm/declarations";
import { ONEWELCOME_DECLARATIONS } from "../../engine/products/onewelcome/declarations";
import { AttributeContainer, IbmAttribute, STSUniversalUser } from "../../engine/products/ibm/stsuu";
import { OAuthClient, ibmClasses, type IbmRuleContext } from "../../engine/products/ibm/utils";
import { IbmWorld } from "../../engine/products/ibm/world";
import { hookRequestSchema, hookResponseSchema } from "../../engine/products/onewelcome/contract";
import type { HostObject } from "../../engine/sandbox/host";

/** Type errors of `usage` compiled against `declarations` with the ES5 library only (as the editor has). */
function diagnostics(declarations: string, usage: string): string[] {
  const files: Record<string, string> = { "/decl.d.ts": declarations, "/usage.ts": usage };
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES5, lib: ["lib.es5.d.ts"], strict: true, noEmit: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name in files ? ts.createSourceFile(name, files[name], version) : read(name, version));
  host.fileExists = (name) => name in files || ts.sys.fileExists(name);
  host.readFile = (name) => files[name] ?? ts.sys.readFile(name);
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

/** The method and property names of one interface, read from the compiler's syntax tree. */
function members(declarations: string, name: string): string[] {
  const file = ts.createSourceFile("decl.d.ts", declarations, ts.ScriptTarget.ES5, true);
  const found = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  if (!found) throw new Error(`no interface ${name}`);
  return found.members.flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : [])).sort();
}

const guest = (host: HostObject) => [...host.members.names].filter((m) => m !== "toString" && m !== "valueOf" && !m.startsWith("#")).sort();

function ruleContext(): IbmRuleContext {
  return { world: new IbmWorld(1, 0, undefined, {}), logs: [], warnings: [], clientId: "c", confidential: true, clientName: undefined, extendedData: {}, otherInfo: undefined, failure: null, currentLine: () => undefined };
}

describe("IBM mapping rule declarations", () => {
  it("typecheck, with a rule written as IBM's published rules are", () => {
    const usage = `
importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
var ctx = stsuu.getContextAttributes();
var state: JavaString | null = ctx.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");
var keys = OAuthMappingExtUtils.getAssociationKeys(state);
var n: number = keys == null ? 0 : keys.length;
stsuu.addContextAttribute(new Attribute("n", "urn:ibm:names:ITFIM:oauth:response:attribute", "" + n));
IDMappingExtUtils.getIDMappingExtCache().put("k", "v", 60);
var confidential: boolean = oauth_client.isConfidential();
`;
    expect(diagnostics(IBM_DECLARATIONS, usage)).toEqual([]);
  });

  it("reject what no IBM class has (so the check above can fail)", () => {
    expect(diagnostics(IBM_DECLARATIONS, `stsuu.getContextAttributes().getAttributeValue("x");`).join("\n")).toMatch(/getAttributeValue/);
  });

  it("declare exactly the host objects' methods", () => {
    const ctx = ruleContext();
    const classes = Object.fromEntries(ibmClasses(ctx).map((c) => [c.javaClass.split(".").pop()!, c]));
    const cache = (classes.IDMappingExtUtils as unknown as { getIDMappingExtCache(): HostObject }).getIDMappingExtCache();
    const grant = ctx.world.createGrant("c", "u", ["s"]);
    const token = ctx.world.issue("access_token", grant, 60);
    const oauthToken = (classes.OAuthMappingExtUtils as unknown as { getToken(v: string): HostObject }).getToken(token.value);
    const pairs: [string, HostObject][] = [
      ["STSUniversalUser", new STSUniversalUser(null)],
      ["AttributeContainer", new AttributeContainer()],
      ["Attribute", new IbmAttribute("a", "t", [])],
      ["OAuthMappingExtUtilsClass", classes.OAuthMappingExtUtils],
      ["IDMappingExtUtilsClass", classes.IDMappingExtUtils],
      ["ReflectArrayClass", classes.Array],
      ["IDMappingExtCache", cache],
      ["OAuthToken", oauthToken],
      ["OAuth20Client", new OAuthClient(ctx)],
    ];
    for (const [iface, host] of pairs) expect(members(IBM_DECLARATIONS, iface), iface).toEqual(guest(host));
  });
});

describe("OneWelcome hook handler declarations", () => {
  it("typecheck, with a handler annotated as the sample suggests", () => {
    const usage = `
function handle(request: HookRequest, context: HookContext): HookResponse {
  console.log(request.client.id, context.headers["Authorization"]);
  return { removeScopes: request.scopes.filter(function (s) { return s !== "email"; }), additionalClaims: { plan: "gold" } };
}
`;
    expect(diagnostics(ONEWELCOME_DECLARATIONS, usage)).toEqual([]);
    expect(diagnostics(ONEWELCOME_DECLARATIONS, `var r: HookResponse = { removeScopes: "email" };`).join("\n")).toMatch(/removeScopes|string/);
  });

  it("have the contract's request and answer fields", () => {
    expect(members(ONEWELCOME_DECLARATIONS, "HookRequest")).toEqual(Object.keys(hookRequestSchema.shape).sort());
    expect(members(ONEWELCOME_DECLARATIONS, "HookResponse")).toEqual(Object.keys(hookResponseSchema.shape).sort());
  });
});
