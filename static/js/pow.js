// The proof-of-work gate of a form (ALTCHA, served by our own /safety/pow/challenge/): while
// the reader types, solve a challenge in the background and put the signed solution in the
// form's hidden "altcha" field. Markup (templates/safety/pow_field.html):
//   <div data-pow data-pow-url="…challenge URL…" data-pow-worker="…pow-worker.js…"
//        data-pow-waiting="…" data-pow-failed="…">
//     <input type="hidden" name="altcha"><p data-pow-status role="status"></p></div>
// Sending before the solution is ready waits for it (with a short, announced note), then sends.
// No visible widget and nothing to click: the image CAPTCHA stays the visible check.
(function () {
  "use strict";
  var REFRESH_MS = 15 * 60 * 1000; // challenges expire after 20 minutes: fetch a new one before

  function workerCount(box) {
    var asked = box.getAttribute("data-pow-workers");
    if (asked !== null) { return Math.max(0, Math.min(8, parseInt(asked, 10) || 0)); }
    var cores = navigator.hardwareConcurrency || 2;
    return Math.max(1, Math.min(4, cores));
  }

  function hexToBytes(hex) {
    var bytes = new Uint8Array(hex.length / 2);
    for (var i = 0; i < bytes.length; i++) { bytes[i] = parseInt(hex.substr(i * 2, 2), 16); }
    return bytes;
  }

  // Without workers (blocked, or data-pow-workers="0"): the same search on this thread; each
  // digest is asynchronous, so the page stays responsive while it runs.
  async function solveHere(challenge) {
    var target = hexToBytes(challenge.challenge);
    var encoder = new TextEncoder();
    var max = challenge.maxnumber || challenge.maxNumber || 1000000;
    var started = Date.now();
    for (var n = 0; n <= max; n++) {
      var view = new Uint8Array(await crypto.subtle.digest(challenge.algorithm || "SHA-256", encoder.encode(challenge.salt + n)));
      var same = view.length === target.length;
      for (var i = 0; same && i < view.length; i++) { same = view[i] === target[i]; }
      if (same) { return { number: n, took: Date.now() - started }; }
    }
    throw new Error("no solution");
  }

  function solveInWorkers(challenge, workerUrl, count) {
    if (!count || typeof Worker === "undefined") { return solveHere(challenge); }
    return new Promise(function (resolve, reject) {
      var workers = [];
      var finished = 0;
      var started = Date.now();
      function stop() { workers.forEach(function (w) { w.terminate(); }); }
      try {
        for (var i = 0; i < count; i++) {
          var worker = new Worker(workerUrl);
          worker.onmessage = function (event) {
            if (event.data.number !== null) {
              stop();
              resolve({ number: event.data.number, took: Date.now() - started });
            } else if (++finished === count) {
              stop();
              reject(new Error("no solution"));
            }
          };
          worker.onerror = function (error) { stop(); reject(error); };
          workers.push(worker);
          worker.postMessage({
            algorithm: challenge.algorithm, challenge: challenge.challenge, salt: challenge.salt,
            max: challenge.maxnumber || challenge.maxNumber || 1000000, start: i, step: count
          });
        }
      } catch (error) {
        stop();
        reject(error);
      }
    });
  }

  function payload(challenge, solution) {
    return btoa(JSON.stringify({
      algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number,
      salt: challenge.salt, signature: challenge.signature, took: solution.took
    }));
  }

  function attach(box) {
    // Once per field, however many times the script is on the page.
    if (box.hasAttribute("data-pow-attached")) { return; }
    box.setAttribute("data-pow-attached", "");
    var form = box.closest("form");
    var field = box.querySelector('input[name="altcha"]');
    var status = box.querySelector("[data-pow-status]");
    var pending = null;
    var solvedAt = 0;
    var sending = false;

    function solve() {
      if (pending && Date.now() - solvedAt < REFRESH_MS) { return pending; }
      field.value = "";
      box.setAttribute("data-pow-state", "working");
      pending = fetch(box.getAttribute("data-pow-url"), {
        credentials: "same-origin", cache: "no-store", headers: { "Accept": "application/json" }
      })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (challenge) {
          var url = box.getAttribute("data-pow-worker");
          return solveInWorkers(challenge, url, workerCount(box)).catch(function () {
            return solveHere(challenge); // workers refused (an old browser, a strict policy)
          }).then(function (s) {
            field.value = payload(challenge, s);
            solvedAt = Date.now();
            box.setAttribute("data-pow-state", "done");
            box.setAttribute("data-pow-took", String(s.took));
            box.dispatchEvent(new CustomEvent("pow:solved", { bubbles: true, detail: s }));
          });
        })
        .catch(function (error) {
          pending = null;
          box.setAttribute("data-pow-state", "failed");
          throw error;
        });
      solvedAt = Date.now();
      return pending;
    }

    // Start as soon as the reader shows interest in the form (or at once, if asked).
    if (box.hasAttribute("data-pow-eager")) { solve().catch(function () {}); }
    form.addEventListener("focusin", function () { solve().catch(function () {}); }, { once: true });

    form.addEventListener("submit", function (event) {
      if (sending) { return; }
      if (field.value && Date.now() - solvedAt < REFRESH_MS) { return; }
      event.preventDefault();
      status.textContent = box.getAttribute("data-pow-waiting") || "";
      solve().then(function () {
        status.textContent = "";
        sending = true;
        if (form.requestSubmit) { form.requestSubmit(event.submitter || undefined); } else { form.submit(); }
        sending = false;
      }, function () {
        // The server refuses a form without a solution and keeps the text: say why first.
        status.textContent = box.getAttribute("data-pow-failed") || "";
        sending = true;
        form.submit();
      });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pow]"), attach);
  }
  window.newsroomPow = { attach: attach };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
