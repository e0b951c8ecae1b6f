/* Refuge Atlas search page: Pagefind's index is fetched only here, only when a visitor
 * searches. Results are built with DOM methods (textContent), never from raw strings,
 * except Pagefind's excerpt, which is built from this site's own escaped text. */
const form = document.querySelector(".ra-search-form");
const input = document.getElementById("ra-q");
const list = document.getElementById("ra-search-results");
const status = document.getElementById("ra-search-status");
const script = document.querySelector("script[data-pagefind-base]");
const base = new URL(script ? script.dataset.pagefindBase : "../pagefind/", location.href);
let pagefind = null;
const say = (key, n) => (status.dataset[key] || "").replace("{n}", String(n));

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) { status.textContent = ""; return; }
  status.textContent = say("searching");
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
    status.textContent = n === 0 ? say("none") : n === 1 ? say("one") : say("many", n);
  } catch (error) {
    status.textContent = say("error");
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
