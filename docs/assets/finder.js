/* Refuge Atlas country finder: filters the countries list by name as you type. It works
 * online and in the offline edition (from file://): it reads only this page, sends nothing
 * and stores nothing. Names match without accents or capitals ("cote" finds Côte d'Ivoire),
 * in the page's language or in English. Without JavaScript the full list is shown. */
(function () {
  "use strict";
  var box = document.getElementById("finder");
  var input = document.getElementById("ra-find");
  var status = document.getElementById("ra-find-status");
  if (!box || !input) return;
  var items = document.querySelectorAll(".ra-country-list li[data-names]");
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[’']/g, "").toLowerCase();
  }
  var keys = [];
  for (var i = 0; i < items.length; i++) keys.push(fold(items[i].getAttribute("data-names")));
  function filter() {
    var query = fold(input.value.trim());
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var match = !query || keys[i].indexOf(query) !== -1;
      items[i].hidden = !match;
      if (match) shown++;
    }
    var sections = document.querySelectorAll(".ra-country-list");
    for (var j = 0; j < sections.length; j++) {
      var any = sections[j].querySelector("li:not([hidden])");
      var wrap = sections[j].parentElement;
      wrap.hidden = !any;
      var heading = wrap.previousElementSibling;
      if (heading && /^H2$/.test(heading.tagName)) heading.hidden = !any;
    }
    status.textContent = query && !shown ? status.getAttribute("data-none") : "";
  }
  input.addEventListener("input", filter);
  box.hidden = false;
})();
