/**
 * Makes one observation comparable between real Rhino and the playground: the recorder's stand-in classes
 * carry AM's class names, and Java identity hash codes (which change per JVM run) become @HASH.
 */
const STAND_INS = [
  ["Recorder$ProbeAccessToken", "org.forgerock.openam.oauth2.OpenAMAccessToken"],
  ["Recorder$ProbeIdentity", "com.sun.identity.idm.AMIdentity"],
  ["Recorder$ProbeSession", "com.iplanet.sso.providers.dpro.SessionSsoToken"],
  ["Recorder$ProbeLogger", "com.sun.identity.shared.debug.Debug"],
  ["Recorder$HiddenOwner", "org.forgerock.oauth2.core.ResourceOwner"],
];

export function normalizeObservation(line) {
  let text = line;
  for (const [from, to] of STAND_INS) text = text.split(from).join(to);
  // Rhino appends the script's name and line to evaluator errors. The legacy recorder runs a probe under AM's
  // name, " (<Unknown source>#3)", which the goldens keep; a recorder naming its file (" (case-id.js#3)") is not AM.
  return text.replace(/@[0-9a-f]{4,8}\b/g, "@HASH").replace(/ \([^()]*\.js#\d+\)/g, "");
}
