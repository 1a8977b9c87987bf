// A live blog's open page keeps itself current (articles/public/live.py is the server's side).
//
// Every few seconds it asks the update endpoint for the newest entries, sending the ETag of
// the last answer: "nothing new" is a 304 with no body. New entries are put in at the top,
// edited ones replaced, deleted ones removed; an entry left as it was is not touched, so
// nothing the reader is looking at jumps. A hidden tab does not poll; it catches up on return.
(function () {
  "use strict";
  const live = document.getElementById("live");
  if (!live || !live.dataset.updatesUrl || !window.fetch || !window.DOMParser) {
    return;
  }
  const url = live.dataset.updatesUrl;
  const every = Math.max(3, parseInt(live.dataset.pollSeconds, 10) || 10) * 1000;
  const stream = document.getElementById("live-stream");
  const status = document.getElementById("live-status");
  let etag = null;
  let timer = null;
  let failures = 0;
  let inflight = false;

  function nodeFrom(html) {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function apply(data) {
    const wanted = data.entries;
    const ids = new Set(wanted.map((entry) => "entry-" + entry.id));
    const oldest = wanted.length ? document.getElementById("entry-" + wanted[wanted.length - 1].id) : null;
    const current = Array.from(stream.querySelectorAll(":scope > .live-entry"));
    if (!oldest) {
      // The page's entries are all older than the newest page (or there were none): start again.
      current.forEach((node) => node.remove());
    } else {
      for (const node of current) {
        if (node === oldest) break;
        if (!ids.has(node.id)) node.remove(); // deleted since
      }
    }
    stream.querySelectorAll(":scope > .live-empty").forEach((node) => node.remove());
    let added = 0;
    let next = stream.querySelector(":scope > .live-entry");
    for (const entry of wanted) {
      let node = document.getElementById("entry-" + entry.id);
      if (node && node.dataset.v !== entry.v) {
        const fresh = nodeFrom(entry.html);
        fresh.dataset.v = entry.v;
        node.replaceWith(fresh);
        node = fresh;
      } else if (!node) {
        node = nodeFrom(entry.html);
        node.dataset.v = entry.v;
        node.classList.add("live-entry--new");
        stream.insertBefore(node, next);
        added += 1;
      }
      next = node.nextElementSibling;
    }
    document.getElementById("live-highlights").innerHTML = data.highlights;
    const older = document.getElementById("live-older");
    if (older && !oldest && data.older_url) {
      older.href = data.older_url;
      older.hidden = false;
    }
    if (added) {
      status.textContent = added === 1 ? "1 new entry" : added + " new entries";
    }
    if (data.ended) {
      document.getElementById("live-title").textContent = "Live coverage has ended";
      return false;
    }
    return true;
  }

  function poll() {
    timer = null;
    if (document.hidden || inflight) {
      return; // visibilitychange starts it again; a poll under way schedules the next
    }
    inflight = true;
    const headers = etag ? { "If-None-Match": etag } : {};
    fetch(url, { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 304) {
          return true;
        }
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        etag = response.headers.get("ETag");
        return response.json().then(apply);
      })
      .then(function (goOn) {
        failures = 0;
        if (goOn) schedule(every);
      })
      .catch(function () {
        // Offline or a deploy: back off, up to a minute, and keep trying.
        failures += 1;
        schedule(Math.min(60000, every * 2 ** failures));
      })
      .finally(function () {
        inflight = false;
      });
  }

  function schedule(delay) {
    if (timer === null) timer = window.setTimeout(poll, delay);
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && timer === null) poll();
  });
  schedule(every);
})();
