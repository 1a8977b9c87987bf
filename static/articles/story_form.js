// Leaving a story form with unsaved typing asks first: a breadcrumb clicked by mistake or a
// closed tab must not silently throw away a reporter's paragraphs. Saving (any submit button,
// Ctrl/Cmd+S included) never asks.
// Loaded in the page's head (the admin's form media), so it waits for the form to exist.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const form = document.getElementById("article_form");
  if (!form) {
    return;
  }
  let dirty = false;
  let submitting = false;
  const markDirty = function () {
    dirty = true;
  };
  // The rich-text body is a contenteditable inside the form: its input events bubble here too.
  form.addEventListener("input", markDirty, true);
  form.addEventListener("change", markDirty, true);
  form.addEventListener("submit", function () {
    submitting = true;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  // The rich-text editor turns the browser's spell-check off; reporters want it on.
  form.addEventListener("focusin", function (event) {
    if (event.target.isContentEditable) {
      event.target.setAttribute("spellcheck", "true");
    }
  });
  // A live word count and reading time under the body, as wire desks size copy by words.
  // The editor is built once its extension modules have loaded, which may be after this runs.
  const startWordCount = function () {
    const body = form.querySelector(".prose-editor");
    if (!body || body.dataset.wordCount) {
      return;
    }
    body.dataset.wordCount = "on";
    const count = document.createElement("p");
    count.className = "help word-count"; // aligned as the admin aligns help text
    count.setAttribute("aria-live", "polite");
    // Below the editor's row, where the admin puts help text, not squeezed beside it.
    (body.closest(".flex-container") || body).after(count);
    const update = function () {
      const editable = body.querySelector("[contenteditable]");
      const text = editable ? editable.innerText : "";
      const words = (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) || []).length;
      const minutes = Math.max(1, Math.ceil(words / 230));
      count.textContent = words === 0 ? "No words yet" : words + (words === 1 ? " word" : " words") + " · about " + minutes + " min to read";
    };
    body.addEventListener("input", update);
    update();
    // The editor builds its editable area after this script runs; count again once it exists.
    window.setTimeout(update, 300);
  };
  form.addEventListener("prose-editor:ready", startWordCount);
  startWordCount();
  // Ctrl/Cmd+S saves and stays on the story, as in any editor, instead of the browser's
  // "save page as".
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "s") {
      const stay = form.querySelector("input[name=_continue]");
      if (stay) {
        event.preventDefault();
        stay.click();
      }
    }
  });
});
