// Fills the comment form with a fresh CAPTCHA, CSRF token and form token for this reader.
// The article HTML may come from a cache shared by many readers, so none of these are in it.
(function () {
  "use strict";
  function setup(form) {
    var url = form.getAttribute("data-challenge-url");
    var box = form.querySelector('[data-role="captcha"]');
    function field(role) { return form.querySelector('[data-role="' + role + '"]'); }
    function load(full) {
      return fetch(url, { credentials: "same-origin", cache: "no-store", headers: { "Accept": "application/json" } })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (data) {
          field("captcha-key").value = data.key;
          field("captcha-image").src = data.image_url;
          var audio = field("captcha-audio");
          if (data.audio_url) { audio.href = data.audio_url; audio.hidden = false; } else { audio.hidden = true; }
          var answer = form.querySelector("#id_captcha_1");
          answer.value = "";
          if (full) {
            form.querySelector('input[name="csrfmiddlewaretoken"]').value = data.csrf_token;
            if (!field("started").value) { field("started").value = data.started; }
            if (!field("token").value) { field("token").value = data.token; }
          }
          box.hidden = false;
        });
    }
    var refresh = field("captcha-refresh");
    refresh.addEventListener("click", function () {
      load(false).then(function () { form.querySelector("#id_captcha_1").focus(); });
    });
    if (!field("captcha-key").value) {
      load(true).catch(function () {
        var note = document.createElement("p");
        note.className = "form-error";
        note.setAttribute("role", "alert");
        note.textContent = "The image check could not be loaded. Please reload the page to comment.";
        box.parentNode.insertBefore(note, box);
      });
    }
  }
  document.querySelectorAll("form.comment-form[data-challenge-url]").forEach(setup);

  // The comment's length, counted as the server counts it (characters, a line break as one),
  // shown from 80% of the limit; a longer text is kept whole and refused before it is sent.
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
    function say(template, n) {
      return template.replace("{count}", numbers.format(n)).replace("{limit}", numbers.format(limit))
        .replace("{over}", numbers.format(n - limit));
    }
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
      if (next) { count.textContent = say(count.getAttribute(next === "over" ? "data-msg-over" : "data-msg-near"), n); }
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
  document.querySelectorAll("form.comment-form").forEach(setupCounter);

  // After a comment POST the reader lands on the form (#comment-form) or the confirmation
  // (#comments); the error summary or the confirmation takes the focus, so screen readers
  // read it and keyboard users continue from it.
  var message = document.querySelector('[data-role="error-summary"]') ||
    document.querySelector('[data-role="notice"]');
  if (message) {
    // After the load event: the browser's own move to the #fragment would take the focus back.
    var focusMessage = function () { window.setTimeout(function () { message.focus(); }, 0); };
    if (document.readyState === "complete") { focusMessage(); } else { window.addEventListener("load", focusMessage); }
  }
})();
