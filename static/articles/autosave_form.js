// The story form's autosave: keeps what the editor types (autosave.js, loaded on every desk
// page, has the storage and the requests), and the banner that offers an unsaved copy back.
// Loaded in the page's head with the form's media; runs once the page, and autosave.js, are in.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const A = window.NewsroomAutosave;
  const form = document.getElementById("article_form");
  const configNode = document.getElementById("autosave-config");
  if (!A || !form || !configNode) {
    return;
  }
  storyForm(form, JSON.parse(configNode.textContent));

  function storyForm(form, config) {
    let key = "";
    let localName = A.PREFIX + config.story;
    let lastSent = null;
    let sending = null;
    let timer = null;
    let submitting = false;
    let signedOut = false;
    // While a banner offers an earlier copy, autosave waits: saving now would overwrite it.
    let paused = Boolean(config.has_copy);

    const status = document.createElement("p");
    status.className = "autosave-status help";
    status.setAttribute("aria-live", "polite");
    const alert = document.createElement("div");
    alert.className = "autosave-alert";
    alert.setAttribute("role", "alert");
    alert.hidden = true;
    const top = form.querySelector(".story-desk-status") || form.querySelector("fieldset");
    if (top) {
      top.before(status);
    }
    form.append(alert);
    if (config.story === null) {
      // A new story's copy is found again by a key kept in the address.
      const params = new URLSearchParams(window.location.search);
      adoptKey(/^[A-Za-z0-9_-]{1,64}$/.test(params.get("draft") || "") ? params.get("draft") : newKey());
    }

    function newKey() {
      const bytes = new Uint8Array(12);
      window.crypto.getRandomValues(bytes);
      return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    }

    function adoptKey(value) {
      key = value;
      localName = A.PREFIX + "new:" + key;
      const url = new URL(window.location.href);
      url.searchParams.set("draft", key);
      window.history.replaceState(window.history.state, "", url);
      let input = form.querySelector("input[name=autosave_key]");
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = "autosave_key";
        form.append(input);
      }
      input.value = key;
    }

    function field(name) {
      const element = form.elements.namedItem(name);
      return element && element.value !== undefined ? element.value : null;
    }

    function serialise() {
      const data = {};
      for (const [name, value] of new FormData(form)) {
        if (A.SKIP.has(name) || name.includes("__prefix__") || typeof value !== "string") {
          continue;
        }
        data[name] = name in data ? [].concat(data[name], value) : value;
      }
      for (const select of form.querySelectorAll("select[multiple]")) {
        if (select.name in data) {
          data[select.name] = [].concat(data[select.name]);
        }
      }
      return data;
    }

    function entry(data) {
      return {
        story: config.story,
        key: key,
        data: data,
        expectedVersion: field("expected_version"),
        baseRevision: field("base_revision"),
        typedAt: new Date().toISOString(),
        synced: false,
      };
    }

    function say(text) {
      status.textContent = text;
    }

    function warn(text) {
      alert.textContent = text;
      alert.hidden = !text;
    }

    // Keep the form: always here, and on the server unless it is waiting or refusing.
    function keep(keepalive) {
      window.clearTimeout(timer);
      if (submitting || paused) {
        return;
      }
      const data = serialise();
      const json = JSON.stringify(data);
      if (json === lastSent || json === sending) {
        return; // hidden twice (visibilitychange, then pagehide): one request is enough
      }
      sending = json;
      const kept = entry(data);
      A.writeLocal(localName, kept);
      A.send(A.entryPayload(kept, "save"), keepalive).then(function (result) {
        sending = null;
        if (result.saved) {
          lastSent = json;
          signedOut = false;
          const current = A.readLocal(localName);
          if (current && current.typedAt === kept.typedAt) {
            current.synced = true;
            A.writeLocal(localName, current);
          }
          warn("");
          say("Your typing is kept on the server (" + result.at_label + "); it is not saved into the story until you save.");
        } else if (result.obsolete) {
          A.dropLocal(localName);
        } else if (result.signedOut) {
          signedOut = true;
          warn("Not saved to the server — you are signed out. Log in again (in another tab, or after leaving this page): your text is kept in this browser and comes back when you reopen the story.");
          say("");
        } else if (result.tooLarge) {
          warn("Not saved to the server — " + result.message);
        } else if (result.offline) {
          say("Not saved to the server: no connection. Your text is kept in this browser; autosave tries again as you type.");
        } else if (result.refused) {
          warn("Not saved to the server: " + (result.message || "the server refused it") + " Your text is kept in this browser.");
        }
      });
    }

    function soon() {
      window.clearTimeout(timer);
      timer = window.setTimeout(keep, A.DELAY);
    }

    form.addEventListener("input", soon, true);
    form.addEventListener("change", soon, true);
    form.addEventListener("submit", function () {
      // The save itself carries the text; a copy sent after it would outlive it.
      submitting = true;
      window.clearTimeout(timer);
      if (!signedOut) {
        const data = serialise();
        if (JSON.stringify(data) !== lastSent) {
          A.writeLocal(localName, entry(data)); // pushed again later only if the save did not land
        }
      }
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        keep(true);
      }
    });
    window.addEventListener("pagehide", function () {
      keep(true);
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        submitting = false; // back from the browser's cache after leaving: keep saving
      }
    });

    // The banner: Restore fills the form, Discard deletes the copy.
    function bindBanner(banner) {
      const payloadNode = banner.querySelector("#unsaved-copy-data");
      const payload = payloadNode ? JSON.parse(payloadNode.textContent) : null;
      paused = true;
      say("Autosave is waiting: restore or discard the unsaved changes above first.");
      banner.querySelector("[data-unsaved-restore]").addEventListener("click", function () {
        restore(payload);
        banner.remove();
        paused = false;
        say("Unsaved changes restored into the form. Save the story to keep them.");
        form.dispatchEvent(new Event("input", { bubbles: true }));
        keep(false);
      });
      banner.querySelector("[data-unsaved-discard]").addEventListener("click", function () {
        A.send({ action: "discard", story: payload.story, key: payload.key }).then(function (result) {
          if (result.discarded) {
            if (payload.story === null && payload.key !== key) {
              A.dropLocal(A.PREFIX + "new:" + payload.key);
            } else {
              A.dropLocal(localName);
            }
            banner.remove();
            paused = false;
            say("Unsaved changes discarded.");
          } else if (result.signedOut) {
            warn("Not discarded — you are signed out. Log in again, then reopen the story.");
          }
        });
      });
    }

    function ensureRows(prefix, wanted) {
      const total = form.elements.namedItem(prefix + "-TOTAL_FORMS");
      const group = document.getElementById(prefix + "-group");
      const add = group && group.querySelector(".add-row a");
      let guard = 200;
      while (total && add && parseInt(total.value, 10) < wanted && guard-- > 0) {
        add.click();
      }
    }

    function restore(payload) {
      const data = payload.data;
      const labels = payload.labels || {};
      if (payload.story === null && payload.key) {
        adoptKey(payload.key);
      }
      for (const name of Object.keys(data)) {
        const match = name.match(/^(.+)-TOTAL_FORMS$/);
        if (match) {
          ensureRows(match[1], parseInt(data[name], 10) || 0);
        }
      }
      for (const element of Array.from(form.elements)) {
        const name = element.name;
        if (!name || A.SKIP.has(name) || name.includes("__prefix__") || /-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$|-(id|article)$/.test(name)) {
          continue;
        }
        if (["file", "submit", "button", "reset"].includes(element.type) || element.readOnly || element.disabled) {
          continue;
        }
        const present = Object.prototype.hasOwnProperty.call(data, name);
        const values = present ? [].concat(data[name]).map(String) : [];
        if (element.type === "checkbox" || element.type === "radio") {
          element.checked = values.includes(element.value);
        } else if (element.tagName === "SELECT") {
          for (const value of values) {
            if (value && !Array.from(element.options).some((o) => o.value === value)) {
              const label = (labels[name] || {})[value] || value;
              element.add(new Option(label, value));
            }
          }
          for (const option of element.options) {
            option.selected = values.includes(option.value);
          }
        } else if (present) {
          element.value = values[0] || "";
        } else {
          continue;
        }
        element.dispatchEvent(new Event("change", { bubbles: true }));
        if (name === "body") {
          const editor = A.editorFor(element) || (form.querySelector(".ProseMirror") || {}).editor;
          if (editor) {
            editor.commands.setContent(element.value, { emitUpdate: true });
          }
        }
      }
      // A copy made before someone else's save keeps the version it was made against, so
      // saving it is checked against theirs as if the form had stayed open.
      if (payload.expected_version !== null && payload.expected_version !== undefined) {
        const expected = form.elements.namedItem("expected_version");
        const base = form.elements.namedItem("base_revision");
        if (expected && parseInt(expected.value, 10) > payload.expected_version) {
          expected.value = payload.expected_version;
          if (base && payload.base_revision !== null) {
            base.value = payload.base_revision;
          }
        }
      }
    }

    function showBanner(html) {
      const holder = document.createElement("div");
      holder.innerHTML = html;
      const banner = holder.querySelector("[data-unsaved-copy]");
      if (!banner) {
        return;
      }
      const old = form.querySelector("[data-unsaved-copy]");
      if (old) {
        old.replaceWith(banner);
      } else {
        form.querySelector("input[name=csrfmiddlewaretoken]").after(banner);
      }
      bindBanner(banner);
    }

    // A form as it came from the server is no unsaved change: hiding it sends nothing.
    if (!config.bound) {
      lastSent = JSON.stringify(serialise());
    }
    const shown = form.querySelector("[data-unsaved-copy]");
    if (shown) {
      bindBanner(shown);
    }
    if (config.bound) {
      return; // a form sent back with errors holds the text already; autosave starts on typing
    }
    // What this browser kept: pushed if the server never got it, dropped once the server's
    // copy is gone (saved into the story, or discarded elsewhere).
    const local = A.readLocal(localName);
    const newStoryKeys = new Set(config.saved_keys || []);
    const pending = A.pushPending(localName);
    if (local && !local.synced && !(config.story === null && newStoryKeys.has(local.key))) {
      A.send(A.entryPayload(local, "push")).then(function (result) {
        if (result.saved) {
          local.synced = true;
          A.writeLocal(localName, local);
          if (result.banner) {
            showBanner(result.banner);
          }
        } else if (result.obsolete) {
          A.dropLocal(localName);
        }
      });
    } else if (local && !config.has_copy) {
      A.dropLocal(localName);
    }
    if (config.story === null && !config.has_copy) {
      // A new story begun while signed out: its copy comes back through the push above.
      pending.then(function (pushed) {
        const found = pushed.find((p) => p.entry.story === null && p.banner);
        if (found && !form.querySelector("[data-unsaved-copy]")) {
          showBanner(found.banner);
        }
      });
    }
  }
});
