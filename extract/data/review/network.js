"use strict";
(() => {
  const DATA = JSON.parse(document.getElementById("review-data").textContent);
  const NET = DATA.network;
  if (!NET) return;
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const W = 1000, H = 700;
  const svg = $("net-svg"), side = $("net-side"), from = $("net-from"), to = $("net-to");
  const byId = new Map(NET.nodes.map((n) => [n.id, n]));

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svgEl(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  }

  // --- tabs: the articles (the review page as it was) and the network
  const tabs = document.querySelectorAll(".tab");
  function showTab(name) {
    for (const t of tabs) t.setAttribute("aria-selected", String(t.dataset.tab === name));
    document.querySelector(".layout").hidden = name !== "articles";
    $("network").hidden = name !== "network";
  }
  for (const t of tabs) t.addEventListener("click", () => showTab(t.dataset.tab));

  // --- layout: a deterministic force simulation (repulsion, springs on edges, a pull to the centre)
  const most = Math.max(1, ...NET.nodes.map((n) => n.articles));
  const nodes = NET.nodes.map((n, k) => {
    const a = (2 * Math.PI * k) / Math.max(1, NET.nodes.length);
    return { n, x: W / 2 + 250 * Math.cos(a), y: H / 2 + 250 * Math.sin(a), dx: 0, dy: 0,
             r: 5 + 10 * Math.sqrt(n.articles / most) };  // area grows with the number of articles
  });
  // with many actors only the most written-about are labelled (the others on hover)
  const labelled = new Set(NET.nodes.length <= 60 ? NET.nodes.map((n) => n.id)
    : [...NET.nodes].sort((a, b) => b.articles - a.articles).slice(0, 40).map((n) => n.id));
  const at = new Map(nodes.map((p) => [p.n.id, p]));
  const links = NET.edges.map((e) => [at.get(e.s), at.get(e.t)]);
  // repulsion k²/d within 3k, springs of rest length k on edges, a weak pull to the centre
  const k = Math.min(160, Math.max(60, Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.35));
  for (let step = 0, heat = 40; step < 300; step++, heat *= 0.985) {
    for (const p of nodes) { p.dx = (W / 2 - p.x) * 0.02; p.dy = (H / 2 - p.y) * 0.02; }
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const d = Math.max(Math.hypot(dx, dy), 1);
        if (d > 3 * k) continue;
        const f = (k * k) / (d * d);
        dx *= f; dy *= f;
        a.dx += dx; a.dy += dy; b.dx -= dx; b.dy -= dy;
      }
    }
    for (const [a, b] of links) {
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(Math.hypot(dx, dy), 1), f = ((d - k) / d) * 0.3;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    }
    for (const p of nodes) {
      const len = Math.max(Math.hypot(p.dx, p.dy), 1e-9), move = Math.min(len, heat);
      p.x += (p.dx / len) * move;
      p.y += (p.dy / len) * move;
    }
  }
  // fit the picture: the nodes' box scaled into the view, room left on the right for the labels
  const xs = nodes.map((p) => p.x), ys = nodes.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const p of nodes) {
    p.x = x1 > x0 ? 50 + ((p.x - x0) / (x1 - x0)) * (W - 220) : W / 2;
    p.y = y1 > y0 ? 40 + ((p.y - y0) / (y1 - y0)) * (H - 80) : H / 2;
  }

  // --- filters
  const cats = [...new Set(NET.edges.flatMap((e) => e.allegations.map((a) => a.category)))].sort();
  for (const c of cats) {
    const label = el("label");
    const box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = c; box.className = "net-cat";
    label.append(box, " " + c.replace(/_/g, " "));
    $("net-cats").append(label);
  }
  const dates = NET.edges.flatMap((e) => e.allegations.map((a) => a.date)).filter(Boolean).sort();
  if (dates.length) { from.min = to.min = dates[0]; from.max = to.max = dates[dates.length - 1]; }

  function visible(a, on) {
    if (!on.has(a.category)) return false;
    if ((from.value || to.value) && !a.date) return false;
    if (from.value && a.date < from.value) return false;
    if (to.value && a.date > to.value) return false;
    return true;
  }

  // --- drawing
  const defs = svgEl("defs", {});
  const marker = svgEl("marker", { id: "net-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 11,
                                   markerHeight: 11, markerUnits: "userSpaceOnUse", orient: "auto" });
  marker.append(svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: "#64748b" }));
  defs.append(marker);
  const edgeLayer = svgEl("g", {}), nodeLayer = svgEl("g", {});
  svg.append(defs, edgeLayer, nodeLayer);
  const pairs = new Set(NET.edges.map((e) => e.s + ">" + e.t));
  let selected = null;

  function ends(e) {
    const a = at.get(e.s), b = at.get(e.t);
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1);
    const off = pairs.has(e.t + ">" + e.s) ? 5 : 0;  // both ways: two parallel arrows
    const ox = (-dy / d) * off, oy = (dx / d) * off;
    return [a.x + (dx / d) * a.r + ox, a.y + (dy / d) * a.r + oy,
            b.x - (dx / d) * (b.r + 3) + ox, b.y - (dy / d) * (b.r + 3) + oy];
  }

  function draw() {
    const on = new Set([...document.querySelectorAll(".net-cat")].filter((b) => b.checked).map((b) => b.value));
    const frag = document.createDocumentFragment();
    const live = new Set();
    let shown = 0, allegations = 0;
    for (const e of NET.edges) {
      const items = e.allegations.filter((a) => visible(a, on));
      if (!items.length || e.s === e.t) continue;
      shown += 1; allegations += items.length;
      live.add(e.s); live.add(e.t);
      const [x1, y1, x2, y2] = ends(e);
      const key = e.s + ">" + e.t;
      const hit = svgEl("line", { x1, y1, x2, y2, class: "net-hit" });
      hit.dataset.key = key;
      const denied = items.some((a) => a.status === "denied" || a.responses.length);
      const line = svgEl("line", { x1, y1, x2, y2, "marker-end": "url(#net-arrow)",
                                   "stroke-width": Math.min(1.5 + items.length, 9),
                                   class: "net-edge" + (denied ? " denied" : "") + (key === selected ? " on" : "") });
      line.dataset.key = key;
      const title = svgEl("title", {});
      title.textContent = byId.get(e.s).label + " accuses " + byId.get(e.t).label + " (" + items.length + ")";
      hit.append(title);
      frag.append(hit, line);
    }
    edgeLayer.replaceChildren(frag);
    const nodeFrag = document.createDocumentFragment();
    for (const p of nodes) {
      const g = svgEl("g", { class: "net-node k-" + p.n.kind + (live.has(p.n.id) ? "" : " off"),
                             transform: "translate(" + p.x.toFixed(1) + "," + p.y.toFixed(1) + ")" });
      g.dataset.id = p.n.id;
      const circle = svgEl("circle", { r: p.r.toFixed(1) });
      const label = svgEl("text", { x: p.r + 3, y: 4 });
      label.textContent = labelled.has(p.n.id) ? p.n.label : "";
      const title = svgEl("title", {});
      title.textContent = p.n.label + " · " + p.n.kind + " · " + p.n.articles + " articles";
      circle.append(title);
      g.append(circle, label);
      nodeFrag.append(g);
    }
    nodeLayer.replaceChildren(nodeFrag);
    $("net-count").textContent = shown + " arrows, " + allegations + " allegations, " + NET.nodes.length +
      " of " + NET.actors + " actors drawn" + (NET.hidden ? " (the most accused and accusing)" : "");
    return on;
  }

  function quote(sid, text, cls) {
    const q = el("div", "quote " + cls);
    q.append(el("span", "chip-id", sid + " "), text);
    return q;
  }

  function showEdge(key) {
    selected = key;
    const e = NET.edges.find((x) => x.s + ">" + x.t === key);
    const on = draw();
    const items = e.allegations.filter((a) => visible(a, on));
    const head = el("h2", "", byId.get(e.s).label + " → " + byId.get(e.t).label);
    const sub = el("div", "sub", items.length + " of " + e.allegations.length + " allegations shown");
    const list = el("div", "net-claims");
    for (const a of items) {
      const card = el("div", "net-al");
      card.dataset.article = a.article;
      card.dataset.allegation = a.id;
      const top = el("div", "al-head");
      top.append(el("span", "badge", a.category.replace(/_/g, " ")), el("span", "badge status " + a.status, a.status),
                 el("span", "al-id", a.date || "no date"));
      card.append(top, el("div", "claim", a.claim));
      for (const [sid, text] of a.evidence) card.append(quote(sid, text, "ev"));
      for (const [sid, text] of a.responses) card.append(quote(sid, text, "resp"));
      const open = el("button", "net-open", "Open article at the evidence");
      open.type = "button";
      open.addEventListener("click", () => {
        showTab("articles");
        window.__review.show(a.i);
        window.__review.gotoStatements(a.evidence.map((x) => x[0]));
      });
      card.append(open);
      list.append(card);
    }
    side.replaceChildren(head, sub, list);
  }

  function showNode(id) {
    const n = byId.get(id);
    const head = el("h2", "", n.label);
    const sub = el("div", "sub", n.kind + " · " + n.articles + " articles · " + n.statements + " statements");
    const merged = el("ul");
    for (const m of n.merges) merged.append(el("li", "", m));
    side.replaceChildren(head, sub, el("div", "sub", "Merged from:"), merged);
    if (n.kept.length) {
      const kept = el("ul");
      for (const m of n.kept) kept.append(el("li", "", m));
      side.append(el("div", "sub", "Kept apart:"), kept);
    }
  }

  svg.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const hit = target && target.closest(".net-hit, .net-edge");
    if (hit) { showEdge(hit.dataset.key); return; }
    const node = target && target.closest(".net-node");
    if (node) showNode(node.dataset.id);
  });
  const redraw = () => { if (selected) showEdge(selected); else draw(); };
  $("net-cats").addEventListener("change", redraw);
  from.addEventListener("change", redraw);
  to.addEventListener("change", redraw);
  draw();
  document.documentElement.dataset.network = "1";
})();
