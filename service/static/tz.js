// Remember the browser's time zone in a cookie so pages can show local times.
// Pages work without this: they fall back to the broadcaster's zone, and ?tz= always wins.
(function () {
  "use strict";
  var has = /(?:^|;\s*)tz=/.test(document.cookie);
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone || !/^[A-Za-z0-9_+\-\/]{1,64}$/.test(zone)) { return; }
  if (!has) {
    document.cookie = "tz=" + zone + "; path=/; max-age=31536000; SameSite=Lax";
    var shown = document.documentElement.getAttribute("data-tz");
    // Re-render once so times appear in the reader's zone; never loops (the cookie is now set).
    if (shown !== zone && !/[?&]tz=/.test(location.search) && document.cookie.indexOf("tz=") !== -1
        && !document.querySelector("form[method=post]")) {
      location.reload();
    }
  }
  // Bring the guide's "now" line, or the evening, into view on narrow screens.
  document.addEventListener("DOMContentLoaded", function () {
    var scroller = document.querySelector(".guide-scroll");
    if (!scroller) { return; }
    var target = scroller.querySelector(".now") || scroller.querySelector(".block");
    if (target) { scroller.scrollLeft = Math.max(0, target.offsetLeft - 160); }
  });
})();
