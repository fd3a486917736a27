/* Quote blocks in the story editor (articles.blocks.QuoteBlock): the free-text speaker, role and
   organisation sit in a folded group. Fold it whenever a person is chosen, open it when none is
   (a one-off speaker must then be named), and open it when it holds an error. Only the layout
   changes: what is saved stays the same. */
(function () {
  "use strict";

  var PERSON = 'input[type="hidden"][name$="-value-person"]';

  function groupOf(input) {
    var block = input.closest(".struct-block");
    var content = block && block.querySelector(".quote-speaker");
    return content ? content.closest("section.w-panel") : null;
  }

  function sync(input) {
    var group = groupOf(input);
    var toggle = group && group.querySelector("[data-panel-toggle]");
    if (!toggle) {
      return;
    }
    var hasError = group.querySelector(".w-field--error, [aria-invalid='true'], .error-message");
    var wantOpen = !input.value || Boolean(hasError);
    var isOpen = toggle.getAttribute("aria-expanded") === "true";
    if (wantOpen !== isOpen) {
      toggle.click();
    }
  }

  function syncWithin(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    if (node.matches(PERSON)) {
      sync(node);
    }
    node.querySelectorAll(PERSON).forEach(sync);
  }

  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.matches(PERSON)) {
      sync(event.target);
    }
  });

  function start() {
    syncWithin(document.body);
    // Blocks are drawn by script after load, and added by the editor later.
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(syncWithin);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
