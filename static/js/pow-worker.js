// Solves an ALTCHA proof-of-work challenge with WebCrypto: finds the number n for which
// SHA-256(salt + n) is the challenge. Several workers may share one challenge, each trying
// the numbers start, start + step, start + 2 * step, ...
"use strict";
function hexToBytes(hex) {
  var bytes = new Uint8Array(hex.length / 2);
  for (var i = 0; i < bytes.length; i++) { bytes[i] = parseInt(hex.substr(i * 2, 2), 16); }
  return bytes;
}
function same(buffer, target) {
  var view = new Uint8Array(buffer);
  if (view.length !== target.length) { return false; }
  for (var i = 0; i < view.length; i++) { if (view[i] !== target[i]) { return false; } }
  return true;
}
var ALGORITHMS = { "SHA-1": "SHA-1", "SHA-256": "SHA-256", "SHA-512": "SHA-512" };
self.onmessage = async function (event) {
  var job = event.data;
  var algorithm = ALGORITHMS[job.algorithm] || "SHA-256";
  var target = hexToBytes(job.challenge);
  var encoder = new TextEncoder();
  var started = Date.now();
  for (var n = job.start; n <= job.max; n += job.step) {
    var digest = await crypto.subtle.digest(algorithm, encoder.encode(job.salt + n));
    if (same(digest, target)) {
      self.postMessage({ number: n, took: Date.now() - started });
      return;
    }
  }
  self.postMessage({ number: null, took: Date.now() - started });
};
