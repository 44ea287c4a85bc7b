// Wagtail's tag field (jQuery tag-it) makes its text input without a label. Name it after
// the field's own label so screen readers announce what to type there.
(function () {
  "use strict";
  function labelTagInputs() {
    document.querySelectorAll("ul.tagit input.ui-autocomplete-input:not([aria-label])").forEach(function (input) {
      var wrapper = input.closest("[data-field-wrapper]") || input.closest(".w-field");
      var label = wrapper && wrapper.querySelector("label");
      input.setAttribute("aria-label", label ? label.textContent.replace("*", "").trim() : "Tag");
    });
  }
  new MutationObserver(labelTagInputs).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", labelTagInputs);
})();
