/*
 * Runs inside ONE Rhino JVM:  rhino -version 0 harness.js <snippets.json> <syntax-out.json> <probe.js> <surface-out.json>
 * Compiles each snippet exactly as an embedding would (Context.compileString at the context's language
 * version) with an error reporter that throws on the first error, as Rhino's DefaultErrorReporter does
 * outside the shell, and records Rhino's message, line and lineOffset (its 1-based column of the last
 * character the tokenizer consumed). Then evaluates the surface probe in a fresh ImporterTopLevel scope.
 */
var Context = org.mozilla.javascript.Context;
var cx = Context.getCurrentContext();
var args = arguments;

var firstError = null;
var throwingReporter = new JavaAdapter(org.mozilla.javascript.ErrorReporter, {
  warning: function () {},
  error: function (message, sourceName, line, lineSource, lineOffset) {
    if (firstError === null) firstError = { message: String(message), line: line, column: lineOffset };
    throw new org.mozilla.javascript.EvaluatorException(message, sourceName, line, lineSource, lineOffset);
  },
  runtimeError: function (message, sourceName, line, lineSource, lineOffset) {
    if (firstError === null) firstError = { message: String(message), line: line, column: lineOffset };
    return new org.mozilla.javascript.EvaluatorException(message, sourceName, line, lineSource, lineOffset);
  }
});

function compile(source) {
  var previous = cx.getErrorReporter();
  cx.setErrorReporter(throwingReporter);
  firstError = null;
  try {
    cx.compileString(source, "script.js", 1, null);
    return firstError === null ? { ok: true } : { ok: false, message: firstError.message, line: firstError.line, column: firstError.column };
  } catch (e) {
    if (firstError !== null) return { ok: false, message: firstError.message, line: firstError.line, column: firstError.column };
    var j = e.javaException || e.rhinoException || null;
    return { ok: false, message: String(j ? j.details() : e), line: j ? j.lineNumber() : 0, unexpected: true };
  } finally {
    cx.setErrorReporter(previous);
  }
}

function writeText(path, text) {
  var out = new java.io.OutputStreamWriter(new java.io.FileOutputStream(path), "UTF-8");
  try { out.write(text); } finally { out.close(); }
}

var snippets = JSON.parse(readFile(args[0], "UTF-8"));
var results = [];
for (var i = 0; i < snippets.length; i++) {
  results.push({ id: snippets[i].id, rhino: compile(snippets[i].source) });
}
writeText(args[1], JSON.stringify(results));

var scope = new org.mozilla.javascript.ImporterTopLevel(cx);
var surface = cx.evaluateString(scope, readFile(args[2], "UTF-8"), "surface-probe.js", 1, null);
writeText(args[3], String(surface));
print("rhino " + cx.getImplementationVersion() + " language version " + cx.getLanguageVersion() + ": " + results.length + " snippets");
