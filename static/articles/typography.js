// Typographic quotes and apostrophes in the headline and standfirst as the editor types:
// " becomes “ or ” and ' becomes ‘ or ’, by what comes before. The body has the same rules
// as an editor extension (prose_typography.js). Pasted text is left as it is.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const OPENS_AFTER = /[\s([{<\u2018\u201C\u2013\u2014"']/;
  const curly = function (mark, before) {
    const opening = before === "" || OPENS_AFTER.test(before);
    if (mark === '"') {
      return opening ? "\u201C" : "\u201D";
    }
    return opening ? "\u2018" : "\u2019";
  };
  const fields = document.querySelectorAll("#id_headline, #id_standfirst");
  fields.forEach(function (field) {
    field.addEventListener("beforeinput", function (event) {
      if (event.inputType !== "insertText" || (event.data !== '"' && event.data !== "'")) {
        return;
      }
      const start = field.selectionStart;
      if (start === null) {
        return;
      }
      event.preventDefault();
      const mark = curly(event.data, field.value.slice(Math.max(0, start - 1), start));
      // insertText keeps the browser's undo history; setRangeText is the fallback.
      if (!document.execCommand || !document.execCommand("insertText", false, mark)) {
        field.setRangeText(mark, start, field.selectionEnd, "end");
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
    });
  });
});
