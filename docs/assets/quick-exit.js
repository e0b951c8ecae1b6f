/* Refuge Atlas quick exit, after GOV.UK's "Exit this page" component.
 * - Activating any [data-ra-exit] link blanks the page at once and replaces it with the
 *   neutral destination by location.replace(), so Back does not return here.
 * - Pressing Shift three times within 5 seconds does the same; progress is announced in a
 *   polite live region.
 * Without JavaScript the links still go to the destination (but Back would return here:
 * the Browse safely page explains this). */
(function () {
  "use strict";
  var links = document.querySelectorAll("[data-ra-exit]");
  if (!links.length) return;
  var destination = links[0].getAttribute("href");
  var status = document.getElementById("ra-exit-status");
  var bar = document.querySelector("[data-ra-exit-bar]");
  function message(name, fallback) {
    var text = bar && bar.getAttribute("data-" + name);
    return text || fallback;
  }
  var presses = 0;
  var timer = null;

  function exitNow(event) {
    if (event) event.preventDefault();
    document.title = "Loading";
    document.documentElement.classList.add("ra-exiting");
    document.body.innerHTML = "";
    window.location.replace(destination);
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function reset() {
    presses = 0;
    timer = null;
    say("");
  }

  for (var i = 0; i < links.length; i++) links[i].addEventListener("click", exitNow);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    presses += 1;
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(reset, 5000);
    if (presses >= 3) {
      say(message("exiting", "Exiting this page."));
      exitNow();
    } else {
      var left = 3 - presses;
      var text = left === 1 ? message("more-one", "Shift pressed. Press Shift 1 more time to exit this page.")
        : message("more-other", "Shift pressed. Press Shift {n} more times to exit this page.");
      say(text.replace("{n}", String(left)));
    }
  });

  // If the browser restores this page from its back-forward cache, hide it again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.documentElement.classList.contains("ra-exiting")) {
      window.location.replace(destination);
    }
  });
})();
