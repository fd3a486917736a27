// The conversation under a story: each reader's CAPTCHA and tokens, the length count, the
// reply form opened in place, permalinks copied, the report dialog, and focus after a post.
// The article HTML may come from a cache shared by many readers (and Varnish), so nothing
// personal is in it: every token is fetched here, per reader, from no-store endpoints.
// Every visible string comes from data-msg-* attributes the template translated.
(function () {
  "use strict";

  function fetchJSON(url, options) {
    options = options || {};
    options.credentials = "same-origin";
    options.cache = "no-store";
    options.headers = Object.assign({ "Accept": "application/json" }, options.headers || {});
    return fetch(url, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok && !("ok" in data)) { throw new Error(response.status); }
        return data;
      });
    });
  }

  // A reader's first visit has no CSRF cookie: two token requests in flight at once (the
  // comment form's challenge and a report dialog opened quickly) would each make a new secret,
  // and whichever cookie the browser kept last would not match the other form's token. The
  // first token request sets the cookie; later ones wait for it, so every token shares it.
  var firstTokens = null;
  function fetchTokens(url) {
    if (!firstTokens) {
      firstTokens = fetchJSON(url);
      return firstTokens;
    }
    return firstTokens.catch(function () {}).then(function () { return fetchJSON(url); });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return name in values ? values[name] : match;
    });
  }

  // -- The comment form: a fresh CAPTCHA, CSRF token and form token for this reader ---------
  function setupChallenge(form) {
    var url = form.getAttribute("data-challenge-url");
    var box = form.querySelector('[data-role="captcha"]');
    function field(role) { return form.querySelector('[data-role="' + role + '"]'); }
    function load(full) {
      return fetchTokens(url).then(function (data) {
        field("captcha-key").value = data.key;
        field("captcha-image").src = data.image_url;
        var audio = field("captcha-audio");
        if (data.audio_url) { audio.href = data.audio_url; audio.hidden = false; } else { audio.hidden = true; }
        form.querySelector("#id_captcha_1").value = "";
        if (full) {
          form.querySelector('input[name="csrfmiddlewaretoken"]').value = data.csrf_token;
          if (!field("started").value) { field("started").value = data.started; }
          if (!field("token").value) { field("token").value = data.token; }
        }
        box.hidden = false;
      });
    }
    field("captcha-refresh").addEventListener("click", function () {
      load(false).then(function () { form.querySelector("#id_captcha_1").focus(); });
    });
    if (!field("captcha-key").value) {
      load(true).catch(function () {
        var note = document.createElement("p");
        note.className = "form-error";
        note.setAttribute("role", "alert");
        note.textContent = form.getAttribute("data-msg-challenge-failed") || "";
        box.parentNode.insertBefore(note, box);
      });
    }
  }

  // -- The comment's length, counted as the server counts it (characters, a line break as
  // one), shown from 80% of the limit; a longer text is kept whole and refused before sending.
  function setupCounter(form) {
    var body = form.querySelector("textarea[data-limit]");
    var count = form.querySelector('[data-role="body-count"]');
    var live = form.querySelector('[data-role="body-count-live"]');
    if (!body || !count) { return; }
    var limit = parseInt(body.getAttribute("data-limit"), 10);
    // Western digits, as the rest of the page (Django) writes them in every language.
    var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined, { numberingSystem: "latn" });
    var state = "";
    function length() { return Array.from(body.value.trim()).length; }
    function describe(on) {
      var ids = (body.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id !== count.id;
      });
      if (on) { ids.push(count.id); }
      body.setAttribute("aria-describedby", ids.join(" "));
    }
    function update() {
      var n = length();
      var next = n > limit ? "over" : (n >= limit * 0.8 ? "near" : "");
      count.hidden = !next;
      count.classList.toggle("field__count--over", next === "over");
      if (next) {
        count.textContent = fill(count.getAttribute(next === "over" ? "data-msg-over" : "data-msg-near"), {
          count: numbers.format(n), limit: numbers.format(limit), over: numbers.format(n - limit)
        });
      }
      if (next === "over") { body.setAttribute("aria-invalid", "true"); }
      else if (state === "over") { body.removeAttribute("aria-invalid"); }
      describe(!!next);
      // Screen readers hear the count when it appears and when the text crosses the limit,
      // not at every keystroke.
      if (next !== state && next && live) { live.textContent = count.textContent; }
      state = next;
    }
    body.addEventListener("input", update);
    form.addEventListener("submit", function (event) {
      update();
      if (state === "over") {
        event.preventDefault();
        if (live) { live.textContent = count.textContent; }
        body.focus();
      }
    });
    update();
  }

  // -- Replies: "Reply" becomes a button that moves the comment form under the comment --------
  function setupReplies(form) {
    var heading = form.querySelector('[data-role="form-heading"]');
    var replyTo = form.querySelector('[data-role="reply-to"]');
    var cancelBox = form.querySelector('[data-role="reply-cancel"]');
    var home = document.createComment("comment form");
    form.parentNode.insertBefore(home, form);
    var current = null;

    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "button-link";
    cancel.textContent = cancelBox.getAttribute("data-msg-cancel");
    cancelBox.textContent = "";
    cancelBox.appendChild(cancel);

    function setHeading(name) {
      heading.textContent = "";
      if (name === null) { heading.textContent = form.getAttribute("data-msg-new"); return; }
      // "Reply to {name}" with the reader's name isolated, never parsed as HTML.
      var parts = form.getAttribute("data-msg-reply").split("{name}");
      var bdi = document.createElement("bdi");
      bdi.textContent = name;
      heading.appendChild(document.createTextNode(parts[0]));
      heading.appendChild(bdi);
      heading.appendChild(document.createTextNode(parts.slice(1).join("{name}")));
    }

    function close(focusBack) {
      var opener = current;
      home.parentNode.insertBefore(form, home.nextSibling);
      replyTo.value = "";
      setHeading(null);
      cancelBox.hidden = true;
      var quote = form.querySelector(".comment-form__quote");
      if (quote) { quote.remove(); }
      if (opener) { opener.setAttribute("aria-expanded", "false"); }
      current = null;
      if (focusBack && opener) { opener.focus(); }
    }

    function open(button) {
      if (current) { current.setAttribute("aria-expanded", "false"); }
      var quote = form.querySelector(".comment-form__quote");
      if (quote) { quote.remove(); }
      var actions = button.closest(".comment__actions");
      actions.parentNode.insertBefore(form, actions.nextSibling);
      replyTo.value = button.getAttribute("data-reply-to");
      setHeading(button.getAttribute("data-reply-name"));
      cancelBox.hidden = false;
      button.setAttribute("aria-expanded", "true");
      current = button;
      heading.focus();
    }

    document.querySelectorAll("a[data-reply-to]").forEach(function (link) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = link.className + " button-link";
      button.innerHTML = link.innerHTML;
      ["data-reply-to", "data-reply-name"].forEach(function (name) {
        button.setAttribute(name, link.getAttribute(name));
      });
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-controls", form.id);
      link.replaceWith(button);
      button.addEventListener("click", function () {
        if (current === button) { close(true); } else { open(button); }
      });
    });
    cancel.addEventListener("click", function () { close(true); });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && current) { close(true); }
    });
  }

  // -- "Link": copies the comment's permalink (a plain link without script or clipboard) ------
  function setupPermalinks(live) {
    document.querySelectorAll('a[data-role="permalink"]').forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
        if (!navigator.clipboard || !window.isSecureContext) { return; }
        event.preventDefault();
        navigator.clipboard.writeText(link.href).then(function () {
          var note = link.parentNode.querySelector(".comment__copied");
          if (!note) {
            note = document.createElement("span");
            note.className = "comment__copied";
            note.setAttribute("aria-hidden", "true");
            link.after(note);
          }
          note.textContent = live.getAttribute("data-msg-copied");
          live.textContent = live.getAttribute("data-msg-copied");
          window.setTimeout(function () { note.remove(); }, 3000);
        }, function () { window.location.href = link.href; });
      });
    });
  }

  // -- "Report": one dialog; this reader's CSRF token and start time fetched when it opens ----
  function setupReports(dialog) {
    var form = dialog.querySelector('[data-role="report-form"]');
    var about = dialog.querySelector('[data-role="report-about"]');
    var fields = dialog.querySelector('[data-role="report-fields"]');
    var status = dialog.querySelector('[data-role="report-status"]');
    var send = dialog.querySelector('[data-role="report-send"]');
    var closer = dialog.querySelector('[data-role="report-close"]');
    var cancelLabel = closer.textContent;
    var opener = null;

    function showErrors(errors) {
      dialog.querySelectorAll("[data-error-for]").forEach(function (box) {
        var message = errors[box.getAttribute("data-error-for")] || "";
        box.textContent = message;
        box.hidden = !message;
      });
      var details = form.querySelector("#report-details");
      if (errors.details) { details.setAttribute("aria-invalid", "true"); } else { details.removeAttribute("aria-invalid"); }
    }

    function reset() {
      form.reset();
      showErrors({});
      status.textContent = "";
      status.className = "report-dialog__status";
      fields.hidden = false;
      send.hidden = false;
      send.disabled = false;
      closer.textContent = cancelLabel;
    }

    function open(link) {
      opener = link;
      reset();
      form.action = link.href;
      about.textContent = fill(form.getAttribute("data-msg-about"), { name: link.getAttribute("data-report-name") });
      return fetchTokens(dialog.getAttribute("data-tokens-url")).then(function (data) {
        form.querySelector('input[name="csrfmiddlewaretoken"]').value = data.csrf_token;
        form.querySelector('input[name="started"]').value = data.started;
        dialog.showModal();
      });
    }

    document.querySelectorAll("a[data-report]").forEach(function (link) {
      link.setAttribute("aria-haspopup", "dialog");
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
        if (typeof dialog.showModal !== "function") { return; }  // the report page instead
        event.preventDefault();
        open(link).catch(function () { window.location.href = link.href; });
      });
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send.disabled = true;
      fetchJSON(form.action, { method: "POST", body: new FormData(form) }).then(function (data) {
        showErrors(data.errors || {});
        status.textContent = data.message || (data.errors && data.errors.__all__) || "";
        status.className = "report-dialog__status" + (data.ok ? " message message--success" : " form-error");
        if (data.ok) {
          fields.hidden = true;
          send.hidden = true;
          closer.textContent = closer.getAttribute("data-msg-done");
          status.focus();
        } else {
          send.disabled = false;
          var invalid = form.querySelector('[data-error-for]:not([hidden])');
          if (invalid && invalid.getAttribute("data-error-for") === "reason") {
            form.querySelector('input[name="reason"]').focus();
          } else if (invalid) {
            form.querySelector("#report-details").focus();
          } else {
            status.focus();
          }
        }
      }).catch(function () {
        send.disabled = false;
        status.textContent = form.getAttribute("data-msg-failed");
        status.className = "report-dialog__status form-error";
        status.focus();
      });
    });
    closer.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { if (opener) { opener.focus(); } });
  }

  // -- After a comment POST the reader lands on the form (#comment-form) or the confirmation
  // (#comments); the error summary or the confirmation takes the focus, so screen readers read
  // it and keyboard users continue from it. A permalink's comment takes it likewise.
  function focusOnArrival() {
    var target = document.querySelector('[data-role="error-summary"]') ||
      document.querySelector('[data-role="notice"]');
    var linked = /^#comment-\d+$/.test(window.location.hash) && document.getElementById(window.location.hash.slice(1));
    if (!target && linked) {
      linked.setAttribute("tabindex", "-1");
      target = linked;
    }
    if (!target) { return; }
    // After the load event: the browser's own move to the #fragment would take the focus back.
    var focusIt = function () { window.setTimeout(function () { target.focus(); }, 0); };
    if (document.readyState === "complete") { focusIt(); } else { window.addEventListener("load", focusIt); }
  }

  document.querySelectorAll("form.comment-form[data-challenge-url]").forEach(setupChallenge);
  document.querySelectorAll("form.comment-form").forEach(setupCounter);
  document.querySelectorAll("form.comment-form[data-msg-reply]").forEach(setupReplies);
  var live = document.querySelector('[data-role="comments-live"]');
  if (live) { setupPermalinks(live); }
  var dialog = document.getElementById("report-dialog");
  if (dialog) { setupReports(dialog); }
  focusOnArrival();
})();
