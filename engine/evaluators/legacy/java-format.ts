/**
 * java.lang.String.format (java.util.Formatter) for what a legacy script hands it through Rhino. Rhino passes a
 * JS number to an Object parameter as a java.lang.Double, a JS string as a String, a boolean as a Boolean, so
 * `%d` of a JS number fails in AM ("d != java.lang.Double") while `%d` of java.lang.Integer.valueOf(n) works; and
 * fixed and scientific conversions round HALF_UP on the shortest decimal form of the double (2.675 → "2.68",
 * where JavaScript's toFixed gives "2.67"). Recorded in Rhino 1.7.14 on OpenJDK 17: test/unit/java-format.test.ts.
 *
 * Covered: %s %S %b %B %d %o %x %X %f %e %E %g %G %% %n, flags - # + space 0 , (, width, precision, argument
 * indexes (`2$`, `<`). Date/time (%t) and %c are refused with Formatter's own exceptions' words where Java would
 * refuse what a script can pass, and %t is named as not emulated.
 */
import { GuestError, HostObject, convertsItself } from "../../sandbox/host";
import { javaException } from "./java-exceptions";
import { currentJavaWorld } from "./java-world";
import { JavaBoolean, JavaNumber } from "./java-boxed";
import { JavaString } from "./java-string";

const SPECIFIER = /%(\d+\$|<)?([-#+ 0,(]*)(\d+)?(\.\d+)?([tT]?[a-zA-Z%])/g;

/** The Java class Rhino hands Java for a script value passed as an Object. */
function javaClassOf(value: unknown): string {
  if (typeof value === "number") return "java.lang.Double";
  if (typeof value === "string" || value instanceof JavaString) return "java.lang.String";
  if (typeof value === "boolean" || value instanceof JavaBoolean) return "java.lang.Boolean";
  if (value instanceof JavaNumber) return value.javaClass;
  if (value instanceof HostObject) return (value as { javaClass?: string }).javaClass ?? "java.lang.Object";
  return "org.mozilla.javascript.NativeObject";
}

function conversionError(conversion: string, value: unknown): GuestError {
  if (typeof value === "number" && conversion !== "c") {
    // The author most likely meant the number they see; AM's failure names only the class.
    currentJavaWorld().warn(
      "format-number-is-double",
      `String.format's %${conversion} got a JavaScript number, which Rhino hands Java as a java.lang.Double, so AM fails with "${conversion} != java.lang.Double" (a Java method's int result, such as size(), is a JavaScript number too). Use %.0f or %s, or pass java.lang.Integer.valueOf(n).`,
    );
  }
  return javaException("java.util.IllegalFormatConversionException", `${conversion} != ${javaClassOf(value)}`);
}

/** digits and exponent of the shortest decimal form: 2.675 → { digits: "2675", exponent: 0 } (d.ddd × 10^exponent). */
function shortest(n: number): { digits: string; exponent: number } {
  const [mantissa, exp] = Math.abs(n).toExponential().split("e");
  return { digits: mantissa!.replace(".", ""), exponent: Number(exp) };
}

/** Rounds a digit string HALF_UP to `keep` digits; may carry into one more digit ("999" → "1000"). */
function roundDigits(digits: string, keep: number): { digits: string; carried: boolean } {
  if (keep < 0) return { digits: "", carried: false };
  if (digits.length <= keep) return { digits: digits.padEnd(keep, "0"), carried: false };
  const head = digits.slice(0, keep).split("").map(Number);
  if (Number(digits[keep]) >= 5) {
    let i = head.length - 1;
    for (; i >= 0; i--) {
      if (head[i]! < 9) {
        head[i]! += 1;
        break;
      }
      head[i] = 0;
    }
    if (i < 0) return { digits: `1${head.join("")}`, carried: true };
  }
  return { digits: head.join(""), carried: false };
}

/** |n| in fixed notation with `precision` decimals, HALF_UP on the shortest form. */
function fixed(n: number, precision: number): string {
  if (n === 0) return precision ? `0.${"0".repeat(precision)}` : "0";
  const { digits, exponent } = shortest(n);
  // The digits before the point: exponent + 1 of them (none when |n| < 1).
  const intDigits = exponent + 1;
  const keep = intDigits + precision;
  if (keep < 0) return precision ? `0.${"0".repeat(precision)}` : "0";
  const rounded = roundDigits(digits, keep);
  let all = rounded.digits;
  let whole = intDigits + (rounded.carried ? 1 : 0);
  if (whole <= 0) {
    all = "0".repeat(1 - whole) + all;
    whole = 1;
  }
  const intPart = all.slice(0, whole) || "0";
  const fraction = all.slice(whole);
  return precision ? `${intPart}.${fraction.padEnd(precision, "0")}` : intPart;
}

/** |n| in scientific notation with `precision` decimals: 1.23e+04. */
function scientific(n: number, precision: number, upper: boolean): string {
  let mantissa: string;
  let exponent: number;
  if (n === 0) {
    mantissa = precision ? `0.${"0".repeat(precision)}` : "0";
    exponent = 0;
  } else {
    const s = shortest(n);
    const rounded = roundDigits(s.digits, precision + 1);
    exponent = s.exponent + (rounded.carried ? 1 : 0);
    const d = rounded.digits.slice(0, precision + 1);
    mantissa = precision ? `${d[0]}.${d.slice(1)}` : d[0]!;
  }
  const e = `${upper ? "E" : "e"}${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  return mantissa + e;
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

interface Spec {
  flags: string;
  width: number | null;
  precision: number | null;
  conversion: string;
}

/** Sign, grouping, parentheses and zero padding for a number's digits, as Formatter applies them. */
function signed(negative: boolean, body: string, spec: Spec): string {
  const { flags, width } = spec;
  let prefix = "";
  let suffix = "";
  if (negative) {
    if (flags.includes("(")) {
      prefix = "(";
      suffix = ")";
    } else prefix = "-";
  } else if (flags.includes("+")) prefix = "+";
  else if (flags.includes(" ")) prefix = " ";
  if (flags.includes("0") && width !== null) {
    const room = width - prefix.length - suffix.length;
    if (body.length < room) body = "0".repeat(room - body.length) + body;
  }
  return prefix + body + suffix;
}

function pad(text: string, spec: Spec): string {
  if (spec.width === null || text.length >= spec.width) return text;
  return spec.flags.includes("-") ? text.padEnd(spec.width) : text.padStart(spec.width);
}

function integral(value: unknown, spec: Spec): string {
  if (!(value instanceof JavaNumber) || (value.javaClass !== "java.lang.Integer" && value.javaClass !== "java.lang.Long")) throw conversionError(spec.conversion, value);
  const n = BigInt(Math.trunc(value.value));
  const bits = value.javaClass === "java.lang.Long" ? 64n : 32n;
  if (spec.conversion === "d") {
    let body = (n < 0n ? -n : n).toString();
    if (spec.flags.includes(",")) body = group(body);
    return signed(n < 0n, body, spec);
  }
  // %o and %x of a negative value print its two's complement, as Java does.
  const unsigned = n < 0n ? (1n << bits) + n : n;
  let body = unsigned.toString(spec.conversion === "o" ? 8 : 16);
  if (spec.flags.includes("#")) body = (spec.conversion === "o" ? "0" : "0x") + body;
  if (spec.flags.includes("0") && spec.width !== null) body = body.padStart(spec.width, "0");
  return spec.conversion === "X" ? body.toUpperCase() : body;
}

function floating(value: unknown, spec: Spec): string {
  const ok = typeof value === "number" || (value instanceof JavaNumber && value.javaClass === "java.lang.Double");
  if (!ok) throw conversionError(spec.conversion, value);
  const n = typeof value === "number" ? value : (value as JavaNumber).value;
  const upper = spec.conversion === "E" || spec.conversion === "G";
  if (Number.isNaN(n) || !Number.isFinite(n)) {
    const word = Number.isNaN(n) ? "NaN" : "Infinity";
    return (n < 0 ? (spec.flags.includes("(") ? "(" : "-") : spec.flags.includes("+") ? "+" : "") + (upper ? word.toUpperCase() : word) + (n < 0 && spec.flags.includes("(") ? ")" : "");
  }
  const negative = n < 0 || Object.is(n, -0);
  const c = spec.conversion.toLowerCase();
  let body: string;
  if (c === "f") {
    body = fixed(n, spec.precision ?? 6);
    if (spec.flags.includes(",")) {
      const [i, f] = body.split(".");
      body = f === undefined ? group(i!) : `${group(i!)}.${f}`;
    }
  } else if (c === "e") body = scientific(n, spec.precision ?? 6, upper);
  else {
    // %g: `precision` significant digits; fixed for 10^-4 <= |x| < 10^precision once rounded, else scientific.
    const p = spec.precision === 0 ? 1 : (spec.precision ?? 6);
    const rounded = Number(scientific(n, p - 1, false));
    const magnitude = n === 0 ? 0 : shortest(rounded).exponent;
    body = n !== 0 && (Math.abs(rounded) < 1e-4 || magnitude >= p) ? scientific(n, p - 1, upper) : fixed(n, Math.max(0, p - 1 - magnitude));
  }
  return signed(negative, body, spec);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof HostObject) return String(value);
  if (typeof value === "number") return String(new JavaNumber(value));
  // An Object vararg: a script object formats as Java's toString of a NativeObject, never running the script's own.
  return convertsItself(value) ? "[object Object]" : String(value);
}

/** String.format(format, args…), as Java formats what Rhino hands it. */
export function javaFormat(format: string, args: readonly unknown[]): string {
  let ordinary = 0;
  let last = -1;
  let out = "";
  let at = 0;
  for (const m of format.matchAll(SPECIFIER)) {
    const [whole, index, flags = "", width, precision, conversion] = m as unknown as [string, string | undefined, string, string | undefined, string | undefined, string];
    out += format.slice(at, m.index);
    at = m.index! + whole.length;
    const spec: Spec = { flags, width: width ? Number(width) : null, precision: precision ? Number(precision.slice(1)) : null, conversion };
    if ((flags.includes("-") || flags.includes("0")) && spec.width === null) throw javaException("java.util.MissingFormatWidthException", whole);
    if (conversion === "%") {
      out += pad("%", spec);
      continue;
    }
    if (conversion === "n") {
      out += "\n";
      continue;
    }
    if (conversion[0] === "t" || conversion[0] === "T") throw new GuestError(`String.format's date/time conversion ${whole} is not emulated by the playground.`, "InternalError");
    let argIndex: number;
    if (index === "<") argIndex = last;
    else if (index) argIndex = Number(index.slice(0, -1)) - 1;
    else argIndex = ordinary++;
    if (argIndex < 0 || argIndex >= args.length) throw javaException("java.util.MissingFormatArgumentException", `Format specifier '${whole}'`);
    last = argIndex;
    const value = args[argIndex];
    let piece: string;
    switch (conversion) {
      case "s":
      case "S":
        piece = text(value);
        if (spec.precision !== null) piece = piece.slice(0, spec.precision);
        if (conversion === "S") piece = piece.toUpperCase();
        break;
      case "b":
      case "B":
        piece = String(value === null || value === undefined ? false : typeof value === "boolean" ? value : value instanceof JavaBoolean ? value.value : true);
        if (conversion === "B") piece = piece.toUpperCase();
        break;
      case "d":
      case "o":
      case "x":
      case "X":
        piece = value === null || value === undefined ? "null" : integral(value, spec);
        break;
      case "f":
      case "e":
      case "E":
      case "g":
      case "G":
        piece = value === null || value === undefined ? "null" : floating(value, spec);
        break;
      case "c":
      case "C":
        if (value === null || value === undefined) piece = "null";
        else throw conversionError("c", value);
        break;
      default:
        throw javaException("java.util.UnknownFormatConversionException", `Conversion = '${conversion}'`);
    }
    out += pad(piece, spec);
  }
  return out + format.slice(at);
}
