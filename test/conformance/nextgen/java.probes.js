typeof JavaImporter
String(java.util.HashMap)
new java.util.HashMap()
var imp = new JavaImporter(java.lang); with (imp) { String(Object) }
JavaImporter("x")
JavaImporter({})
var fr = JavaImporter(org.forgerock.http.protocol.Request); with (fr) { var r = new Request(); }
