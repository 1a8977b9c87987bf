// Names for the story form's widgets that Django admin's vendored select2 and the body editor
// leave unnamed, so a screen reader announces "Section, combo box" rather than "combo box",
// and axe-core finds nothing (tests/e2e/test_desk_accessibility.py).
(function () {
  "use strict";
  const labelId = function (field) {
    const label = field.id && document.querySelector("label[for='" + field.id + "']");
    if (!label) {
      return null;
    }
    label.id = label.id || field.id + "_label";
    return label;
  };

  // select2, in the main form and in inline rows added later.
  const nameSelect2 = function (select) {
    const label = labelId(select);
    const container = select.nextElementSibling;
    if (!label || !container || !container.classList.contains("select2")) {
      return;
    }
    const selection = container.querySelector(".select2-selection");
    const rendered = container.querySelector(".select2-selection__rendered");
    if (selection && rendered && rendered.id) {
      // The field's label, then what is chosen (select2 names it by the choice alone).
      selection.setAttribute("aria-labelledby", label.id + " " + rendered.id);
      rendered.setAttribute("aria-labelledby", label.id + " " + rendered.id);
    }
    const search = container.querySelector(".select2-search__field");
    if (search) {
      search.setAttribute("aria-label", "Search " + label.textContent.replace(/:\s*$/, ""));
    }
    // A multiple select's "clear all" × is put inside its <ul> as a bare <span>; a list may
    // hold only items. Its handlers are on the selection box, so it works just as well beside it.
    if (rendered && rendered.tagName === "UL" && !rendered.dataset.clearWatched) {
      rendered.dataset.clearWatched = "1";
      const moveClear = function () {
        rendered.querySelectorAll(":scope > .select2-selection__clear").forEach(function (clear) {
          rendered.before(clear);
        });
      };
      new MutationObserver(moveClear).observe(rendered, { childList: true });
      moveClear();
    }
  };
  const nameAll = function () {
    document.querySelectorAll("#article_form select.admin-autocomplete").forEach(nameSelect2);
    // The body: a contenteditable the editor builds, named by the Body label.
    const body = document.getElementById("id_body");
    const editable = document.querySelector("#article_form .prose-editor [contenteditable]");
    const label = body && labelId(body);
    if (editable && label) {
      editable.setAttribute("aria-labelledby", label.id);
    }
  };
  document.addEventListener("DOMContentLoaded", function () {
    // After the admin's autocomplete and the body editor have built their widgets.
    window.setTimeout(nameAll, 0);
    window.setTimeout(nameAll, 500);
    document.addEventListener("formset:added", function () { window.setTimeout(nameAll, 0); });
    document.addEventListener("prose-editor:ready", nameAll);
  });
})();
