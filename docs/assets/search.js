/* Refuge Atlas search page: Pagefind's index is fetched only here, only when a visitor
 * searches. Results are built with DOM methods (textContent), never from raw strings,
 * except Pagefind's excerpt, which is built from this site's own escaped text. */
const form = document.querySelector(".ra-search-form");
const input = document.getElementById("ra-q");
const list = document.getElementById("ra-search-results");
const status = document.getElementById("ra-search-status");
const base = new URL("../pagefind/", import.meta.url);
let pagefind = null;

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) { status.textContent = ""; return; }
  status.textContent = "Searching…";
  try {
    pagefind = pagefind || await import(new URL("pagefind.js", base).href);
    const search = await pagefind.search(query);
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    for (const r of results) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = r.url;
      a.textContent = r.meta.title || r.url;
      const p = document.createElement("p");
      p.innerHTML = r.excerpt;
      li.append(a, p);
      list.append(li);
    }
    const n = search.results.length;
    status.textContent = n === 0 ? "No results." : n === 1 ? "1 result." : `${n} results.`;
  } catch (error) {
    status.textContent = "Search is not available. Browse the countries page instead.";
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
  run(input.value);
});

const initial = new URL(location.href).searchParams.get("q");
if (initial) { input.value = initial; run(initial); }
