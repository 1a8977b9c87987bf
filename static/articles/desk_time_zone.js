// The browser's time zone, for the desk's date and time fields (articles/desk/time_zones.py).
// A cookie rather than a form field, so every desk page, GET included, can use it.
(function () {
  "use strict";
  let zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (error) {
    return;
  }
  // Zone names are letters, digits and _ / + -: safe in a cookie as they are.
  if (/^[A-Za-z0-9_/+-]+$/.test(zone) && document.cookie.indexOf("desk_tz=" + zone) === -1) {
    document.cookie = "desk_tz=" + zone + "; path=/; max-age=31536000; SameSite=Lax";
  }
})();
