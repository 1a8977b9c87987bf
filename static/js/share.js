// The story's share row, enhanced: "Copy link" copies instead of following itself, and a
// Print button appears. Without this script (or a clipboard) both stay plain links.
(function () {
  "use strict";
  var status = document.querySelector("[data-copy-status]");
  function say(text) {
    if (status) status.textContent = text;
  }
  if (navigator.clipboard && window.isSecureContext) {
    document.querySelectorAll("[data-copy-link]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        navigator.clipboard.writeText(link.href).then(
          function () { say("Link copied."); },
          function () { say("Could not copy the link: it is this page's address."); }
        );
      });
    });
  }
  document.querySelectorAll("[data-print-item]").forEach(function (item) {
    item.hidden = false;
    item.querySelector("button").addEventListener("click", function () { window.print(); });
  });
})();
