/* Refuge Atlas search page. Privacy rules, each tested in a real browser:
 * - the words typed stay in this page: the form has no action and the field no name, so
 *   nothing is ever submitted, and the words are never written into the address or the
 *   history (no ?q=, no pushState/replaceState);
 * - Pagefind's index is fetched only here, only when a visitor searches;
 * - without JavaScript the form stays hidden and the page points to the countries index.
 * Results are built with DOM methods (textContent), never from raw strings, except
 * Pagefind's excerpt, which is built from this site's own escaped text. */
const form = document.querySelector(".ra-search-form");
const input = document.getElementById("ra-q");
const list = document.getElementById("ra-search-results");
const status = document.getElementById("ra-search-status");
const script = document.querySelector("script[data-pagefind-base]");
const base = new URL(script ? script.dataset.pagefindBase : "../pagefind/", location.href);
let pagefind = null;
let latest = 0;
const say = (key, n) => (status.dataset[key] || "").replace("{n}", String(n));

async function run(query) {
  const ticket = ++latest;
  if (!query.trim()) { list.replaceChildren(); status.textContent = ""; return; }
  status.textContent = say("searching");
  try {
    pagefind = pagefind || await import(new URL("pagefind.js", base).href);
    const search = await pagefind.search(query);
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    if (ticket !== latest) return; // a newer search has started
    list.replaceChildren();
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
    if (ticket === latest) status.textContent = say("error");
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run(input.value);
});
form.hidden = false;
