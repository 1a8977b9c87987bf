// "Save and publish" says "Schedule for 14:00" while the publication time in the form is in the
// future, so an editor sees before pressing it that the story will not go out now. The fields
// are in the editor's zone (data-time-zone, articles/desk/time_zones.py): the button compares
// them with the wall clock of that zone, read through Intl, so no offsets are computed here.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const button = document.querySelector("#article_form input.publish-button[name=_publish]");
  const date = document.getElementById("id_published_at_0");
  const time = document.getElementById("id_published_at_1");
  if (!button || !date || !time) {
    return;
  }
  const zone = button.dataset.timeZone || undefined;
  const plain = button.value;
  const wallClock = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
  });
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const now = function () {
    const parts = {};
    wallClock.formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
    return { day: parts.year + "-" + parts.month + "-" + parts.day, time: parts.hour + ":" + parts.minute + ":" + parts.second };
  };
  // The admin's formats: 2026-12-03 and 14:00 or 14:00:00. Anything else: the plain label.
  const typed = function () {
    const d = date.value.trim().match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
    const t = time.value.trim().match(/^(\d{1,2}):(\d{2})(?::(\d{2}))?$/);
    if (!d || !t) {
      return null;
    }
    const pad = function (n) { return String(n).padStart(2, "0"); };
    return {
      year: d[1], month: Number(d[2]), date: Number(d[3]),
      day: d[1] + "-" + pad(d[2]) + "-" + pad(d[3]),
      hm: pad(t[1]) + ":" + t[2],
      time: pad(t[1]) + ":" + t[2] + ":" + (t[3] || "00"),
    };
  };
  const update = function () {
    const at = typed();
    const clock = now();
    if (!at || at.day + " " + at.time <= clock.day + " " + clock.time) {
      button.value = plain;
      return;
    }
    let when = at.hm;
    if (at.day !== clock.day) {
      when = at.date + " " + months[at.month - 1] + (at.year !== clock.day.slice(0, 4) ? " " + at.year : "") + " " + at.hm;
    }
    button.value = "Schedule for " + when;
  };
  // The calendar and clock pickers set the value and send "change"; typing sends "input".
  [date, time].forEach(function (field) {
    field.addEventListener("input", update);
    field.addEventListener("change", update);
  });
  // Pickers' "Now"/"Today" shortcuts, and the clock overtaking a time: check now and then too.
  window.setInterval(update, 5000);
  update();
});
