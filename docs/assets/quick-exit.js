/* Refuge Atlas quick exit, after GOV.UK's "Exit this page" component.
 * - Activating any [data-ra-exit] link blanks the page at once and replaces it with the
 *   neutral destination by location.replace(), so Back does not return here.
 * - Pressing Shift three times on its own within 5 seconds does the same; progress is
 *   announced in a polite live region.
 *   Only a Shift pressed and released with no other key in between counts. Any other key
 *   (typing a capital, Shift+Tab, Shift+arrow to select text), a mouse press while Shift is
 *   down, or a pause of more than 5 seconds starts the count again.
 * - If the browser restores an exited page from its back-forward cache, it is replaced again.
 * Without JavaScript the links still go to the destination (but Back would return here:
 * the Browse safely page explains this). */
(function () {
  "use strict";
  var links = document.querySelectorAll("[data-ra-exit]");
  if (!links.length) return;
  var destination = links[0].getAttribute("href");
  var status = document.getElementById("ra-exit-status");
  var bar = document.querySelector("[data-ra-exit-bar]");
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;
  var shiftAlone = false; // Shift is down and nothing else has happened since

  function message(name, fallback) {
    var text = bar && bar.getAttribute("data-" + name);
    return text || fallback;
  }

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
    if (timer) window.clearTimeout(timer);
    timer = null;
    if (presses) say("");
    presses = 0;
  }

  function isShift(event) {
    return event.key === "Shift" || event.keyCode === 16;
  }

  for (var i = 0; i < links.length; i++) links[i].addEventListener("click", exitNow);

  document.addEventListener("keydown", function (event) {
    if (isShift(event)) {
      // A held Shift repeats keydown; only the first one starts a press. Shift with another
      // modifier already held is a chord, not a press on its own.
      if (!event.repeat) shiftAlone = !(event.ctrlKey || event.altKey || event.metaKey);
      return;
    }
    shiftAlone = false;
    reset();
  }, true);

  document.addEventListener("mousedown", function () {
    shiftAlone = false;
    reset();
  }, true);

  document.addEventListener("keyup", function (event) {
    if (!isShift(event)) return;
    var counted = shiftAlone;
    shiftAlone = false;
    if (!counted) return;
    presses += 1;
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(reset, WINDOW_MS);
    if (presses >= 3) {
      say(message("exiting", "Exiting this page."));
      exitNow();
      return;
    }
    var left = 3 - presses;
    var text = left === 1 ? message("more-one", "Shift pressed. Press Shift 1 more time to exit this page.")
      : message("more-other", "Shift pressed. Press Shift {n} more times to exit this page.");
    say(text.replace("{n}", String(left)));
  }, true);

  // Leaving the window (Alt+Tab, a click elsewhere) ends any Shift sequence.
  window.addEventListener("blur", function () {
    shiftAlone = false;
    reset();
  });

  // If the browser restores this page from its back-forward cache, hide it again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.documentElement.classList.contains("ra-exiting")) {
      window.location.replace(destination);
    }
  });
})();

/* "Print or save as PDF" next to the citation: a button only when JavaScript can print;
 * without it, the page says to use the browser's Print command. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-ra-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
