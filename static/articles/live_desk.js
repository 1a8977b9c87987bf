// The live desk (articles/desk/live_blog.py): post, edit and delete entries without a reload.
//
// A post that fails (refused, offline, signed out) leaves the text in the editor with the
// reason above it. Each new entry carries a key drawn by the server, so a post sent twice
// (a double click, a retry after a timeout) makes one entry. The stream reloads every few
// seconds to show what other editors post.
(function () {
  "use strict";
  const form = document.getElementById("live-entry-form");
  if (!form || !window.fetch) {
    return;
  }
  const stream = document.getElementById("desk-stream");
  const errors = document.getElementById("live-errors");
  const posted = document.getElementById("live-posted");
  const postButton = document.getElementById("live-post");
  const cancel = document.getElementById("live-cancel");
  const bodyArea = form.querySelector("textarea[name=body]");
  let editor = null;
  let busy = false;

  document.addEventListener("prose-editor:ready", function (event) {
    if (event.detail.textarea === bodyArea) editor = event.detail.editor;
  });

  function csrfToken() {
    const cookie = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
    return cookie ? decodeURIComponent(cookie.slice(10)) : form.querySelector("[name=csrfmiddlewaretoken]").value;
  }

  function setBody(html) {
    if (editor) editor.commands.setContent(html || "", true);
    bodyArea.value = html || "";
  }

  function setChoice(name, pair) {
    // The admin's autocomplete (select2) widgets: an option for the value, selected.
    const select = form.querySelector("select[name=" + name + "]");
    if (!select) return;
    select.innerHTML = "";
    if (pair) select.append(new Option(pair[1], pair[0], true, true));
    if (window.django && window.django.jQuery) window.django.jQuery(select).trigger("change");
  }

  function showErrors(found) {
    errors.replaceChildren();
    Object.entries(found || {}).forEach(function ([name, messages]) {
      messages.forEach(function (message) {
        const line = document.createElement("p");
        line.textContent = message;
        errors.append(line);
      });
    });
  }

  function reset(clientKey) {
    form.reset();
    setBody("");
    setChoice("photo", null);
    setChoice("speaker", null);
    form.elements.entry.value = "";
    form.elements.verb.value = "said";
    if (clientKey) form.elements.client_key.value = clientKey;
    postButton.textContent = "Post";
    cancel.hidden = true;
    stream.querySelectorAll(".desk-entry--editing").forEach((node) => node.classList.remove("desk-entry--editing"));
  }

  function send(url, data, attempt) {
    attempt = attempt || 1;
    return fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" },
    }).then(function (response) {
      if (response.status === 503 && attempt < 4) {
        // The database was busy or away for a moment (newsroom/middleware.py says when to come
        // back). Sending again is safe: the entry's key makes a repeated post one entry.
        const wait = Math.min(2, parseInt(response.headers.get("Retry-After"), 10) || 1) * 1000;
        return new Promise((resolve) => window.setTimeout(resolve, wait * attempt)).then(() => send(url, data, attempt + 1));
      }
      const type = response.headers.get("Content-Type") || "";
      if (!type.includes("json")) {
        throw new Error(response.status === 403 ? "Your session has ended: sign in again in another tab, then post." : "The server did not answer (" + response.status + "). Your text is still here.");
      }
      return response.json();
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) return;
    if (editor) bodyArea.value = editor.getHTML();
    busy = true;
    postButton.disabled = true;
    send(form.action, new FormData(form))
      .then(function (data) {
        if (!data.ok) {
          showErrors(data.errors);
          return;
        }
        showErrors({});
        stream.innerHTML = data.stream;
        const editing = form.elements.entry.value;
        reset(editing ? null : data.client_key);
        posted.textContent = (editing ? "Saved " : "Posted ") + new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
        if (editor) editor.commands.focus();
      })
      .catch(function (error) {
        showErrors({ __all__: [error.message === "Failed to fetch" ? "Offline: the entry was not posted. Your text is still here; post again." : error.message] });
      })
      .finally(function () {
        busy = false;
        postButton.disabled = false;
      });
  });

  cancel.addEventListener("click", function () {
    reset(null);
  });

  stream.addEventListener("click", function (event) {
    const holder = event.target.closest(".desk-entry");
    if (!holder) return;
    if (event.target.matches("[data-edit]")) {
      const entry = JSON.parse(holder.dataset.entry);
      setBody(entry.body);
      form.elements.entry.value = entry.id;
      form.elements.headline.value = entry.headline;
      form.elements.is_pinned.checked = entry.is_pinned;
      form.elements.is_key_event.checked = entry.is_key_event;
      form.elements.quote_text.value = entry.quote_text;
      form.elements.verb.value = entry.verb;
      setChoice("photo", entry.photo);
      setChoice("speaker", entry.speaker);
      if (entry.photo || entry.quote_text || entry.headline || entry.is_pinned || entry.is_key_event) {
        form.querySelector(".live-more").open = true;
      }
      postButton.textContent = "Save changes";
      cancel.hidden = false;
      holder.classList.add("desk-entry--editing");
      form.scrollIntoView({ behavior: "smooth" });
    } else if (event.target.matches("[data-delete]")) {
      if (!window.confirm("Delete this entry? Readers stop seeing it; the desk's history keeps it.")) return;
      send(event.target.dataset.delete, new FormData())
        .then(function (data) {
          if (data.ok) stream.innerHTML = data.stream;
        })
        .catch(function (error) {
          showErrors({ __all__: [error.message] });
        });
    }
  });

  // Other editors' entries: the stream as it is now, unless this editor is in the middle of an edit.
  window.setInterval(function () {
    if (document.hidden || busy || form.elements.entry.value) return;
    fetch(form.dataset.streamUrl, { credentials: "same-origin", cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then(function (data) {
        if (data && !busy && !form.elements.entry.value) stream.innerHTML = data.stream;
      })
      .catch(function () {});
  }, 5000);
})();
