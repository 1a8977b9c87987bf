// Autosave of the story form (articles/desk/autosave.py is the server's side).
//
// What the editor types goes to their own unsaved copy on the server two seconds after typing
// stops and whenever the page is hidden, and to this browser's localStorage as well, so a
// closed tab, a crash or an expired session loses nothing: while signed out the text stays
// here, and the first desk page after signing in again hands it back to the server.
// Loaded on every desk page (templates/admin/base_site.html); the form part, autosave_form.js,
// runs only on a story form whose editor may change it.
(function () {
  "use strict";
  const script = document.currentScript;
  if (!script || !window.fetch) {
    return;
  }
  const URL_ = script.dataset.autosaveUrl;
  const PREFIX = "newsroom-autosave:" + script.dataset.user + ":";
  const DELAY = 2000;
  // Never part of a copy: Django's token, the conflict check's own fields (restoring puts the
  // copy's back), the key of a new story's copy, and files.
  const SKIP = new Set(["csrfmiddlewaretoken", "expected_version", "base_revision", "autosave_key"]);

  // The body's editor announces itself once built; a restore writes through it.
  const editors = new Map();
  document.addEventListener("prose-editor:ready", function (event) {
    editors.set(event.detail.textarea, event.detail.editor);
  });

  function csrfToken() {
    // Signing in anew rotates the token: the cookie has the current one, the page the old.
    const cookie = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
    return cookie ? decodeURIComponent(cookie.slice(10)) : script.dataset.csrf;
  }

  function readLocal(name) {
    try {
      return JSON.parse(window.localStorage.getItem(name) || "null");
    } catch (error) {
      return null;
    }
  }

  function writeLocal(name, entry) {
    try {
      window.localStorage.setItem(name, JSON.stringify(entry));
      return true;
    } catch (error) {
      return false; // full or forbidden: the server copy and beforeunload remain
    }
  }

  function dropLocal(name) {
    try {
      window.localStorage.removeItem(name);
    } catch (error) {
      /* nothing kept, nothing to drop */
    }
  }

  // One request to the endpoint, read as what happened: saved, signed out, refused, offline.
  function send(payload, keepalive) {
    const body = JSON.stringify(payload);
    return fetch(URL_, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      // keepalive lets a request outlive the page, but only up to 64 KB; a longer form is
      // left to localStorage, pushed on the next page load.
      keepalive: Boolean(keepalive) && body.length < 60000,
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": csrfToken(),
        "X-Requested-With": "XMLHttpRequest",
      },
      body: body,
    }).then(
      function (response) {
        if (response.type === "opaqueredirect" || response.status === 401) {
          return { signedOut: true };
        }
        return response.json().then(
          function (json) {
            if (response.ok) {
              return json;
            }
            if (response.status === 403 && !json.forbidden) {
              return { signedOut: true };
            }
            return { refused: true, tooLarge: response.status === 413, message: json.error || "" };
          },
          function () {
            // Not JSON: Django's CSRF page (a session signed out and in again elsewhere) or a proxy.
            return response.status === 403 ? { signedOut: true } : { refused: true, message: "" };
          }
        );
      },
      function () {
        return { offline: true };
      }
    );
  }

  function entryPayload(entry, action) {
    return {
      action: action,
      story: entry.story,
      key: entry.key,
      data: entry.data,
      expected_version: entry.expectedVersion,
      base_revision: entry.baseRevision,
    };
  }

  // Text kept here while the server refused it goes back now, from whichever desk page loads.
  function pushPending(except) {
    const pushed = [];
    let names = [];
    try {
      names = Object.keys(window.localStorage).filter((name) => name.startsWith(PREFIX) && name !== except);
    } catch (error) {
      return Promise.resolve(pushed);
    }
    return Promise.all(
      names.map(function (name) {
        const entry = readLocal(name);
        if (!entry || entry.synced) {
          return null;
        }
        return send(entryPayload(entry, "push")).then(function (result) {
          if (result.saved) {
            entry.synced = true;
            writeLocal(name, entry);
            pushed.push({ entry: entry, banner: result.banner });
          } else if (result.obsolete) {
            dropLocal(name); // saved since, from this form: nothing is missing
          }
        });
      })
    ).then(() => pushed);
  }

  // The story form's part (autosave_form.js) runs from these.
  window.NewsroomAutosave = {
    PREFIX: PREFIX,
    SKIP: SKIP,
    DELAY: DELAY,
    editorFor: (textarea) => editors.get(textarea),
    readLocal: readLocal,
    writeLocal: writeLocal,
    dropLocal: dropLocal,
    send: send,
    entryPayload: entryPayload,
    pushPending: pushPending,
  };

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.getElementById("autosave-config")) {
      pushPending(null); // any desk page but a story form, which pushes its own way
    }
  });
})();
