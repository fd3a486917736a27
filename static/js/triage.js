// Keyboard triage of a moderation list: j/k move between items, a approve, r reject (asks for
// a reason), s spam, p editors' pick, o open the item's own page, u undo, ? the keys.
//
// Markup (the queue renders it; nothing here knows about comments):
//   <div data-triage data-triage-undo-seconds="5">
//     <p data-triage-status role="status" aria-live="polite"></p>
//     <button type="button" data-triage-help-open>Keys</button>   (optional: opens the help)
//     <dialog data-triage-help>…the keys…</dialog>
//     <dialog data-triage-reason><form method="dialog">
//       <select name="reason">…<option data-triage-needs-detail>Other</option></select>
//       <input name="detail">   (every named field is copied to the same-named field of the
//                                item's reject form; an option with data-triage-needs-detail
//                                makes the other text inputs required)
//       <button value="ok">Reject</button> <button value="cancel" formnovalidate>Cancel</button>
//     </form></dialog>
//     <article data-triage-item tabindex="-1" data-triage-label="Comment by Amal">
//       <form data-triage-action="approve" method="post" action="…">…csrf…</form>
//       <form data-triage-action="reject" …><input type="hidden" name="reason">
//             <input type="hidden" name="detail"></form>
//       <form data-triage-action="spam" …>  <form data-triage-action="pick" …>
//       <a data-triage-action="open" href="…">Open</a>
//     </article> …
//   </div>
// An action waits data-triage-undo-seconds (u takes it back), then is sent with fetch; leaving
// the page sends what is waiting. Results are announced in the status region; focus moves on.
// The server may answer a redirect (success) or JSON {"ok": bool, "message": "…"}: the message
// is announced, and ok false counts as a failure.
// Every string shown comes from data-triage-say-* attributes on the container (translated by
// the template), with English defaults.
(function () {
  "use strict";
  var ACTIONS = { a: "approve", r: "reject", s: "spam", p: "pick" };
  var DEFAULTS = {
    approve: "Approving %s. Press u to undo.",
    reject: "Rejecting %s. Press u to undo.",
    spam: "Marking %s as spam. Press u to undo.",
    pick: "Making %s an editors' pick. Press u to undo.",
    done: "Done: %s.",
    undone: "Undone: %s is unchanged.",
    failed: "Could not save the decision on %s. Try again.",
    missing: "%s cannot take that action.",
    nothing: "Nothing to undo."
  };

  function attach(root) {
    var status = root.querySelector("[data-triage-status]");
    var help = root.querySelector("[data-triage-help]");
    var reasonDialog = root.querySelector("[data-triage-reason]");
    var undoMs = 1000 * parseFloat(root.getAttribute("data-triage-undo-seconds") || "5");
    var waiting = null; // {item, form, timer}
    var current = null;

    function say(key, item) {
      var text = root.getAttribute("data-triage-say-" + key) || DEFAULTS[key];
      var label = item ? (item.getAttribute("data-triage-label") || "") : "";
      status.textContent = text.replace("%s", label);
    }
    function items() {
      return Array.prototype.filter.call(root.querySelectorAll("[data-triage-item]"), function (el) {
        return !el.hasAttribute("data-triage-done") && !el.hidden;
      });
    }
    function focusItem(item) {
      if (!item) { return; }
      if (current) { current.removeAttribute("aria-current"); }
      current = item;
      item.setAttribute("aria-current", "true");
      item.focus();
      if (item.scrollIntoView) { item.scrollIntoView({ block: "nearest" }); }
    }
    function move(step) {
      var list = items();
      if (!list.length) { return; }
      var index = list.indexOf(current);
      if (index === -1) { focusItem(list[step > 0 ? 0 : list.length - 1]); return; }
      focusItem(list[Math.min(list.length - 1, Math.max(0, index + step))]);
    }

    function send(job, keepalive) {
      var item = job.item;
      item.setAttribute("data-triage-state", "sending");
      return fetch(job.form.action, {
        method: "POST", body: new URLSearchParams(new FormData(job.form)), credentials: "same-origin",
        keepalive: !!keepalive, redirect: "manual",
        headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
      }).then(function (response) {
        var type = response.headers.get("content-type") || "";
        if (type.indexOf("application/json") !== -1) {
          return response.json().then(function (answer) { return { response: response, answer: answer }; });
        }
        return { response: response, answer: null };
      }).then(function (result) {
        var response = result.response;
        var answer = result.answer;
        // A redirect (opaque here) is success too; JSON says for itself.
        var ok = answer ? !!answer.ok : (response.ok || response.type === "opaqueredirect");
        if (!ok) {
          item.setAttribute("data-triage-state", "failed");
          if (answer && answer.message) { status.textContent = answer.message; } else { say("failed", item); }
          return;
        }
        item.setAttribute("data-triage-state", "done");
        item.setAttribute("data-triage-done", job.action);
        if (answer && answer.message) { status.textContent = answer.message; } else { say("done", item); }
      }).catch(function () {
        item.setAttribute("data-triage-state", "failed");
        say("failed", item);
      });
    }
    function flush(keepalive) {
      if (!waiting) { return; }
      var job = waiting;
      waiting = null;
      clearTimeout(job.timer);
      send(job, keepalive);
    }
    function schedule(item, action, form) {
      flush(false); // one decision waits at a time: the previous one goes now
      item.setAttribute("data-triage-state", "waiting");
      waiting = { item: item, form: form, action: action };
      waiting.timer = setTimeout(function () { flush(false); }, undoMs);
      say(action, item);
      var list = items();
      var next = list[list.indexOf(item) + 1];
      if (next) { focusItem(next); }
    }
    function undo() {
      if (!waiting) { say("nothing"); return; }
      var job = waiting;
      waiting = null;
      clearTimeout(job.timer);
      job.item.removeAttribute("data-triage-state");
      say("undone", job.item);
      focusItem(job.item);
    }
    function act(action) {
      var item = current;
      if (!item) { return; }
      var form = item.querySelector('form[data-triage-action="' + action + '"]');
      if (!form) { say("missing", item); return; }
      if (action === "reject" && reasonDialog) {
        var fields = reasonDialog.querySelector("form");
        fields.reset();
        needsDetail(fields);
        reasonDialog.returnValue = "";
        reasonDialog.onclose = function () {
          reasonDialog.onclose = null;
          if (reasonDialog.returnValue !== "ok") { focusItem(item); return; }
          Array.prototype.forEach.call(fields.elements, function (source) {
            var target = source.name && form.elements[source.name];
            if (target && !source.matches("button")) { target.value = source.value; }
          });
          schedule(item, action, form);
        };
        reasonDialog.showModal();
        return;
      }
      schedule(item, action, form);
    }
    function open() {
      var link = current && current.querySelector('a[data-triage-action="open"]');
      if (!link) { return; }
      flush(true);
      window.location.assign(link.href);
    }

    // A listed reason that asks for words ("Other") makes the words required.
    function needsDetail(fields) {
      var wanted = Array.prototype.some.call(fields.querySelectorAll("select"), function (select) {
        var chosen = select.options[select.selectedIndex];
        return !!(chosen && chosen.hasAttribute("data-triage-needs-detail"));
      });
      Array.prototype.forEach.call(fields.querySelectorAll("input[type=text], input:not([type])"), function (input) {
        if (fields.querySelector("select")) { input.required = wanted; }
      });
    }
    if (reasonDialog) {
      reasonDialog.addEventListener("change", function (event) {
        if (event.target.matches("select")) { needsDetail(reasonDialog.querySelector("form")); }
      });
    }
    if (help) {
      help.addEventListener("close", function () { if (current) { focusItem(current); } });
      Array.prototype.forEach.call(root.querySelectorAll("[data-triage-help-open]"), function (button) {
        button.addEventListener("click", function () { help.showModal(); });
      });
    }
    root.addEventListener("focusin", function (event) {
      var item = event.target.closest && event.target.closest("[data-triage-item]");
      if (item && item !== current && root.contains(item)) {
        if (current) { current.removeAttribute("aria-current"); }
        current = item;
        item.setAttribute("aria-current", "true");
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) { return; }
      var target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable]")) { return; }
      // Keys inside an open dialog are the dialog's. (Focus can stay a moment on a button of a
      // dialog that has just closed: that dialog no longer counts.)
      var dialog = target.closest && target.closest("dialog");
      if (dialog && dialog.open) { return; }
      var key = event.key;
      if (key === "j") { move(1); } else if (key === "k") { move(-1); } else if (ACTIONS[key]) { act(ACTIONS[key]); } else if (key === "u") { undo(); } else if (key === "o") { open(); } else if (key === "?") {
        if (help.open) { help.close(); } else { help.showModal(); }
      } else { return; }
      event.preventDefault();
    });
    window.addEventListener("pagehide", function () { flush(true); });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-triage]"), attach);
  }
  window.newsroomTriage = { attach: attach };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
