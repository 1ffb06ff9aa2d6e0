clientProperties.get("clientId")
clientProperties["customProperties"].testCustomProp
clientProperties.get("missing")
var k = []; for (var x in clientProperties) k.push(x); k.join(",")
Object.keys(clientProperties).join(",")
JSON.stringify(clientProperties)
var c = clientProperties.customProperties; [c.size(), c.containsKey('testCustomProp'), c.isEmpty(), String(c.keySet()), c.keySet().toArray()[0], String(c), String(c.entrySet())].join("|")
clientProperties.clientId = "x"
var l = clientProperties.allowedScopes; [l[0], l.length, l.get(1), l.size(), Array.isArray(l), typeof l, l.indexOf("b"), JSON.stringify(l), String(l), typeof l.join, Array.prototype.join.call(l, "-")].join("|")
