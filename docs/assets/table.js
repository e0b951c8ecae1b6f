/* Refuge Atlas table: sort by any column, filter by region and status. The state lives in
 * the page address (?region=&status=&sort=&dir=), so a view can be shared. Without
 * JavaScript the full table is shown as it is. */
(function () {
  "use strict";
  var table = document.getElementById("ra-countries");
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var filters = document.querySelector(".ra-filters");
  var selects = filters.querySelectorAll("select[data-filter]");
  var count = document.getElementById("ra-table-count");
  filters.hidden = false;

  function cellValue(row, index) {
    var cell = row.cells[index];
    var v = cell.getAttribute("data-sort");
    return v !== null ? v : cell.textContent.trim();
  }

  function state() {
    var p = new URLSearchParams(location.search);
    return { region: p.get("region") || "", status: p.get("status") || "", sort: p.get("sort") || "", dir: p.get("dir") === "desc" ? "desc" : "asc" };
  }

  function save(s) {
    var p = new URLSearchParams();
    ["region", "status", "sort"].forEach(function (k) { if (s[k]) p.set(k, s[k]); });
    if (s.sort && s.dir === "desc") p.set("dir", "desc");
    var q = p.toString();
    history.replaceState(null, "", location.pathname + (q ? "?" + q : "") + location.hash);
  }

  function apply(s) {
    selects.forEach(function (sel) { sel.value = s[sel.getAttribute("data-filter")] || ""; });
    var index = heads.findIndex(function (th) { return th.getAttribute("data-key") === s.sort; });
    var sorted = rows.slice();
    if (index >= 0) {
      var numeric = /^-?\d+(\.\d+)?$/;
      sorted.sort(function (a, b) {
        var x = cellValue(a, index), y = cellValue(b, index);
        var c = numeric.test(x) && numeric.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
        return s.dir === "desc" ? -c : c;
      });
    }
    heads.forEach(function (th, i) {
      th.setAttribute("aria-sort", i === index ? (s.dir === "desc" ? "descending" : "ascending") : "none");
    });
    var shown = 0;
    sorted.forEach(function (row) {
      var visible = (!s.region || row.getAttribute("data-region") === s.region) &&
        (!s.status || row.getAttribute("data-status") === s.status);
      row.hidden = !visible;
      if (visible) shown += 1;
      tbody.appendChild(row);
    });
    var template = count.getAttribute("data-template") || "{shown} of {total} shown.";
    count.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
  }

  heads.forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var s = state();
      var key = th.getAttribute("data-key");
      s.dir = s.sort === key && s.dir === "asc" ? "desc" : "asc";
      s.sort = key;
      save(s);
      apply(s);
    });
  });
  selects.forEach(function (sel) {
    sel.addEventListener("change", function () {
      var s = state();
      s[sel.getAttribute("data-filter")] = sel.value;
      save(s);
      apply(s);
    });
  });
  apply(state());
})();
