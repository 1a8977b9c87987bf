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
