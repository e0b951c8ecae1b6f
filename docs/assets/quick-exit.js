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
      say("Exiting this page.");
      exitNow();
    } else {
      var left = 3 - presses;
      say("Shift pressed. Press Shift " + left + " more time" + (left === 1 ? "" : "s") + " to exit this page.");
    }
  });

  // If the browser restores this page from its back-forward cache, hide it again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.documentElement.classList.contains("ra-exiting")) {
      window.location.replace(destination);
    }
  });
})();
