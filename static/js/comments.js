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
