// A script that works in a browser but not in AM: Rhino 1.7.14 rejects `let`
// (and destructuring, for...of, default parameters, ...). The playground stops at the same line.
(function () {
  var mail = identity.getAttribute('mail');
  let primary = mail.toArray()[0];
  accessToken.setField('mail', primary);
}());
