"use strict";
(() => {
  const DATA = JSON.parse(document.getElementById("review-data").textContent);
  const RECORDS = DATA.records;
  const PAGE = 300;
  const $ = (id) => document.getElementById(id);
  const list = $("items"), view = $("view"), count = $("count");
  const q = $("q"), actorBox = $("actor"), fAl = $("f-al"), fErr = $("f-err"), fWarn = $("f-warn");
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const baseTitle = document.title;
  let shown = [], limit = PAGE, current = -1;

  for (const r of RECORDS) r.lnames = r.names.map((n) => n.toLowerCase());

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function summary() {
    const s = DATA.summary, box = $("summary");
    const parts = [["articles", s.articles], ["failed", s.failed], ["statements", s.statements],
                   ["allegations", s.allegations]];
    for (const [label, n] of parts) {
      const span = el("span", label === "failed" && n ? "bad" : "");
      span.append(el("b", "", n.toLocaleString()), " " + label);
      box.append(span);
    }
    const names = new Map();
    for (const r of RECORDS) for (const n of r.names) names.set(n, (names.get(n) || 0) + 1);
    const options = [...names.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2000);
    const frag = document.createDocumentFragment();
    for (const [n] of options) { const o = document.createElement("option"); o.value = n; frag.append(o); }
    $("actor-names").append(frag);
  }

  function matches(r, text, actor) {
    if (fAl.checked && !r.al) return false;
    if (fErr.checked && !r.failed) return false;
    if (fWarn.checked && !r.warn) return false;
    if (actor && !r.lnames.some((n) => n.includes(actor))) return false;
    if (text && !text.every((t) => r.q.includes(t))) return false;
    return true;
  }

  function item(r) {
    const li = el("li", "item" + (r.i === current ? " active" : ""));
    li.dataset.i = r.i;
    li.id = "item-" + r.i;
    li.append(el("div", "item-title", r.title));
    const meta = el("div", "item-meta");
    if (r.failed) meta.append(el("span", "pill err", "failed"));
    if (r.date) meta.append(el("span", "", r.date));
    meta.append(el("span", "item-path", r.path));
    if (!r.failed) {
      meta.append(el("span", "pill", r.st + " st"));
      if (r.al) meta.append(el("span", "pill al", r.al + " alleg."));
      if (r.warn) meta.append(el("span", "pill warn", r.warn + " warn."));
    }
    li.append(meta);
    return li;
  }

  function renderList() {
    const frag = document.createDocumentFragment();
    for (const r of shown.slice(0, limit)) frag.append(item(r));
    if (shown.length > limit) {
      const more = el("button", "more", "Show " + Math.min(PAGE, shown.length - limit) + " more");
      more.type = "button";
      more.addEventListener("click", () => { limit += PAGE; renderList(); });
      frag.append(more);
    }
    list.replaceChildren(frag);
    count.textContent = shown.length === RECORDS.length
      ? RECORDS.length.toLocaleString() + " articles"
      : shown.length.toLocaleString() + " of " + RECORDS.length.toLocaleString() + " articles";
  }

  function applyFilters() {
    const text = q.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const actor = actorBox.value.trim().toLowerCase();
    shown = RECORDS.filter((r) => matches(r, text, actor));
    limit = PAGE;
    renderList();
  }

  function show(i, push) {
    const r = RECORDS[i];
    if (!r) return;
    current = i;
    view.innerHTML = r.html;   // pre-rendered, fully escaped fragment
    for (const li of list.querySelectorAll(".item.active")) li.classList.remove("active");
    const li = $("item-" + i);
    if (li) { li.classList.add("active"); li.scrollIntoView({ block: "nearest" }); }
    if (push !== false) history.replaceState(null, "", "#" + encodeURIComponent(r.id));
    document.title = r.title + " · " + baseTitle;
  }

  function flash(node) {
    node.classList.remove("flash");
    void node.offsetWidth;  // restart the animation
    node.classList.add("flash");
  }

  function gotoStatements(ids) {
    const text = view.querySelector(".doc-text");
    if (!text) return;
    for (const m of text.querySelectorAll("mark.focus")) m.classList.remove("focus");
    let first = null;
    for (const id of ids) {
      for (const m of text.querySelectorAll('mark[data-st="' + CSS.escape(id) + '"]')) {
        if (!first) first = m;
        m.classList.add("focus");
        flash(m);
      }
    }
    if (first) first.scrollIntoView({ block: "center", behavior: reduced ? "auto" : "smooth" });
  }

  function citing(sid) {
    const side = view.querySelector(".doc-side");
    if (!side) return;
    let first = null;
    for (const card of side.querySelectorAll(".allegation")) {
      const hit = card.dataset.cites.split(" ").includes(sid);
      card.classList.toggle("selected", hit);
      if (hit) { if (!first) first = card; flash(card); }
    }
    if (first) first.scrollIntoView({ block: "nearest", behavior: reduced ? "auto" : "smooth" });
  }

  function toggleSpeaker(button) {
    const text = view.querySelector(".doc-text");
    const on = !button.classList.contains("on");
    for (const b of view.querySelectorAll(".legend .speaker")) b.classList.remove("on");
    text.classList.toggle("dimmed", on);
    for (const m of text.querySelectorAll("mark.st")) {
      m.classList.toggle("keep", on && m.dataset.speaker === button.dataset.speaker);
    }
    if (on) {
      button.classList.add("on");
      const first = text.querySelector("mark.keep");
      if (first) first.scrollIntoView({ block: "center", behavior: reduced ? "auto" : "smooth" });
    }
  }

  view.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const speaker = target.closest(".legend .speaker");
    if (speaker) { toggleSpeaker(speaker); return; }
    const go = target.closest("[data-goto]");
    if (go) {
      const card = go.closest(".allegation");
      for (const c of view.querySelectorAll(".allegation.selected")) c.classList.remove("selected");
      if (card) card.classList.add("selected");
      gotoStatements(go.dataset.goto.split(" ").filter(Boolean));
      return;
    }
    const mark = target.closest("mark.st");
    if (mark) citing(mark.dataset.st);
  });

  view.addEventListener("keydown", (event) => {
    const card = event.target instanceof Element && event.target.closest(".allegation");
    if (card && event.target === card && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      card.click();
    }
  });

  list.addEventListener("click", (event) => {
    const li = event.target instanceof Element && event.target.closest(".item");
    if (li) show(Number(li.dataset.i));
  });

  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof HTMLElement
      && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    const down = event.key === "j" || event.key === "ArrowDown";
    const up = event.key === "k" || event.key === "ArrowUp";
    if (event.key === "/") { event.preventDefault(); q.focus(); return; }
    if (!down && !up) return;
    const at = shown.findIndex((r) => r.i === current);
    const next = shown[Math.max(0, Math.min(shown.length - 1, at + (down ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      if (shown.indexOf(next) >= limit) { limit = shown.indexOf(next) + 1; renderList(); }
      show(next.i);
    }
  });

  let timer = 0;
  const later = () => { clearTimeout(timer); timer = setTimeout(applyFilters, 120); };
  q.addEventListener("input", later);
  actorBox.addEventListener("input", later);
  for (const box of [fAl, fErr, fWarn]) box.addEventListener("change", applyFilters);

  window.__review = { show, gotoStatements };  // for the network tab's "open article at the evidence"
  summary();
  applyFilters();
  const wanted = decodeURIComponent(location.hash.slice(1));
  const start = RECORDS.find((r) => r.id === wanted) || shown[0];
  if (start) show(start.i, false);
  document.documentElement.dataset.ready = "1";
})();
