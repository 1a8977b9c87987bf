// "Suggest quotes from the text": the body as it stands in the editor, saved or not, goes to
// the desk's extractor (articles/desk/live_suggestions.py); the quotations come back as a
// list to tick, sure ones ticked already, and the ticked ones become rows of the quotes
// inline. Nothing is recorded until the story is saved.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const panel = document.getElementById("quote-suggest");
  const form = document.getElementById("article_form");
  if (!panel || !form) {
    return;
  }
  const run = document.getElementById("quote-suggest-run");
  const results = document.getElementById("quote-suggest-results");
  const group = document.getElementById("quotes-group");
  let found = [];

  const element = function (tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) {
      node.textContent = text;
    }
    return node;
  };
  const say = function (message, isError) {
    results.replaceChildren(element("p", { class: isError ? "errornote" : "help" }, message));
  };
  // The quotes already in the inline (saved or just added), not marked for deletion.
  const inlineTexts = function () {
    return Array.from(group ? group.querySelectorAll(".inline-related:not(.empty-form)") : [])
      .filter(function (row) {
        const gone = row.querySelector("input[name$='-DELETE']");
        return !(gone && gone.checked);
      })
      .map(function (row) {
        const text = row.querySelector("textarea[name$='-text']");
        return text ? text.value : "";
      })
      .filter(Boolean);
  };

  const describe = function (quote) {
    const who = quote.speaker
      ? quote.speaker.label + (quote.speaker.id ? "" : " (new " + quote.speaker.kind.toLowerCase() + ": not on file yet)")
      : "no speaker found";
    return "\u201C" + quote.text + "\u201D \u2014 " + who + ", " + quote.verb + " \u00B7 " + Math.round(quote.confidence * 100) + "% sure";
  };

  const show = function (quotes, message) {
    found = quotes;
    if (!quotes.length) {
      say(message || "No quotations found in the body.");
      return;
    }
    const list = element("ul", { class: "quote-suggest-list" });
    quotes.forEach(function (quote, n) {
      const item = element("li");
      const label = element("label");
      const box = element("input", { type: "checkbox", id: "quote-suggest-" + n, value: String(n) });
      box.checked = quote.ticked;
      box.disabled = quote.in_inline;
      label.append(box, " ", quote.in_inline ? describe(quote) + " (already in the quotes below)" : describe(quote));
      item.append(label);
      list.append(item);
    });
    const tickAll = element("button", { type: "button", class: "button", id: "quote-suggest-tick-all" }, "Tick all");
    tickAll.addEventListener("click", function () {
      list.querySelectorAll("input[type=checkbox]:not(:disabled)").forEach(function (box) { box.checked = true; });
    });
    const add = element("button", { type: "button", class: "button default", id: "quote-suggest-add" }, "Add the ticked quotes below");
    add.addEventListener("click", function () { addTicked(list); });
    const controls = element("p", { class: "quote-suggest-controls" });
    controls.append(tickAll, " ", add);
    results.replaceChildren(list, controls);
  };

  // A new row of the inline, through Django's own "Add another" link so its widgets
  // (the speaker search among them) are set up as for a row added by hand.
  const newRow = function () {
    const link = group && group.querySelector(".add-row a");
    const total = document.getElementById("id_quotes-TOTAL_FORMS");
    if (!link || !total) {
      return null;
    }
    link.click();
    return "id_quotes-" + (Number(total.value) - 1) + "-";
  };

  const addTicked = function (list) {
    let added = 0;
    let unnamed = 0;
    list.querySelectorAll("input[type=checkbox]:checked:not(:disabled)").forEach(function (box) {
      const quote = found[Number(box.value)];
      const prefix = newRow();
      if (!prefix) {
        return;
      }
      document.getElementById(prefix + "text").value = quote.text;
      document.getElementById(prefix + "verb").value = quote.verb;
      const speaker = document.getElementById(prefix + "speaker");
      if (quote.speaker && quote.speaker.id && speaker) {
        speaker.append(new Option(quote.speaker.label, String(quote.speaker.id), true, true));
        if (window.django && window.django.jQuery) {
          window.django.jQuery(speaker).trigger("change"); // the search box shows the choice
        }
      } else {
        unnamed += 1;
      }
      quote.in_inline = true;
      added += 1;
      form.dispatchEvent(new Event("input")); // unsaved typing: leaving the page asks first
    });
    show(found);
    const note = element("p", { class: "help", role: "status" });
    note.textContent = added
      ? "Added " + added + (added === 1 ? " quote" : " quotes") + " below; they are recorded when you save." +
        (unnamed ? " Choose the speaker of " + unnamed + " of them: nobody on file said it." : "")
      : "Tick the quotes to add first.";
    results.append(note);
  };

  run.addEventListener("click", function () {
    const body = form.querySelector("textarea[name=body]");
    const data = new FormData();
    data.append("csrfmiddlewaretoken", form.querySelector("input[name=csrfmiddlewaretoken]").value);
    data.append("body", body ? body.value : "");
    inlineTexts().forEach(function (text) { data.append("recorded", text); });
    run.disabled = true;
    say("Looking for quotations\u2026");
    fetch(panel.dataset.url, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().catch(function () {
          // A login page or a proxy's error instead of the desk's JSON.
          return { error: response.status === 403 ? "Your session has ended: sign in again in another tab, then retry." : "The desk did not answer (" + response.status + "). Try again." };
        });
      })
      .then(function (answer) {
        if (answer.error) {
          say(answer.error, true);
        } else {
          show(answer.quotes, answer.message);
        }
      })
      .catch(function () {
        say("The desk could not be reached. Your text is safe here; try again.", true);
      })
      .finally(function () {
        run.disabled = false;
      });
  });
});
