/* rasd web page: map, timeline, table and evidence view over the rasd HTTP API.
 * Article text is untrusted: it only ever reaches the page through textContent. */
(function () {
  "use strict";

  const I18N = window.RASD_I18N;
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const STATUSES = ["occurred", "ongoing", "planned", "threatened", "alleged", "denied", "foiled",
    "negated", "hypothetical"];
  // Cooperation in blues and greens, verbal conflict in ambers, material conflict in reds.
  const TYPE_COLORS = {
    AGREE: "#1f6fb2", CONSULT: "#4a9be0", SUPPORT: "#0f9aa8", CONCEDE: "#5cc3b5",
    COOPERATE: "#1e8449", AID: "#48b461", RETREAT: "#7f8c8d", REQUEST: "#c9a227",
    ACCUSE: "#e08a1e", REJECT: "#c8641c", THREATEN: "#d6478f", PROTEST: "#8e44ad",
    SANCTION: "#6254c9", MOBILIZE: "#9c5b34", COERCE: "#a8322b", ASSAULT: "#e0262b",
  };
  const STATUS_COLORS = {
    occurred: "#c0392b", ongoing: "#e67e22", planned: "#2e86de", threatened: "#d6478f",
    alleged: "#d4a017", denied: "#6c7a89", foiled: "#16a085", negated: "#aab4be",
    hypothetical: "#9b8fe0",
  };
  // Events the report says took place are drawn filled; the rest hollow.
  const FILLED = new Set(["occurred", "ongoing"]);
  const PAGE = 100;

  const $ = (id) => document.getElementById(id);
  const state = {
    lang: pickLanguage(),
    info: null,
    filters: emptyFilters(),
    sort: "-date",
    cursor: null,
    rows: [],
    total: 0,
    selected: null,
    tlBy: "status",
    tlInterval: "auto",
    actors: [],
    statusCounts: {},
  };
  const inflight = {};
  let map = null, cluster = null, countries = null, mapFitted = false;
  const iconCache = {};

  function emptyFilters() {
    return { from: "", to: "", type: "", country: "", outlet: "", actor: "", q: "", statuses: new Set(), inView: false };
  }

  // ---- language ----------------------------------------------------------------------

  function pickLanguage() {
    const asked = new URLSearchParams(location.search).get("lang");
    if (asked === "ar" || asked === "en") return asked;
    try {
      const saved = localStorage.getItem("rasd.lang");
      if (saved === "ar" || saved === "en") return saved;
    } catch (e) { /* storage may be off */ }
    return (navigator.language || "en").toLowerCase().startsWith("ar") ? "ar" : "en";
  }

  function t(key, vars) {
    const table = I18N[state.lang];
    let s = key.split(".").reduce((o, k) => (o == null ? o : o[k]), table);
    if (s == null) s = key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace("{" + k + "}", fmtNumber(v));
    return s;
  }
  const typeLabel = (ty) => (I18N[state.lang].types[ty] || ty || "");
  const statusLabel = (st) => (I18N[state.lang].statuses[st] || st || "");

  function fmtNumber(v) {
    return typeof v === "number" ? v.toLocaleString(state.lang === "ar" ? "ar-EG" : "en-US") : String(v);
  }

  // Counts in controls stay short: 22,439 reads 22.4K (the exact number is in the tooltip).
  function fmtCount(n) {
    const locale = state.lang === "ar" ? "ar-EG" : "en-US";
    return n >= 1000 ? new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(n) : fmtNumber(n);
  }

  function applyLanguage() {
    const table = I18N[state.lang];
    document.documentElement.lang = state.lang;
    document.documentElement.dir = table.dir;
    document.title = table.title;
    document.querySelectorAll("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((n) => { n.placeholder = t(n.dataset.i18nPlaceholder); });
    document.querySelectorAll("[data-i18n-title]").forEach((n) => { n.title = t(n.dataset.i18nTitle); });
    document.querySelectorAll("[data-i18n-aria]").forEach((n) => { n.setAttribute("aria-label", t(n.dataset.i18nAria)); });
    $("lang-toggle").textContent = table.other_label;
    $("lang-toggle").lang = table.other;
    try { localStorage.setItem("rasd.lang", state.lang); } catch (e) { /* ignore */ }
  }

  // ---- DOM helpers (text only: never innerHTML with data) ---------------------------

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v == null || v === false) continue;
        if (k === "class") node.className = v;
        else if (k === "text") node.textContent = v;
        else if (k === "style") node.style.cssText = v;
        else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? "" : v);
      }
    }
    for (const c of children.flat()) {
      if (c == null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function safeUrl(u) {
    try {
      const parsed = new URL(u, location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) { return null; }
  }

  function typeBadge(ty) {
    return el("span", { class: "badge type", style: `--c:${TYPE_COLORS[ty] || "#555"}` }, typeLabel(ty));
  }
  function statusBadge(st) {
    return el("span", { class: "badge status " + (FILLED.has(st) ? "filled" : "hollow"),
      style: `--c:${STATUS_COLORS[st] || "#555"}`, "data-status": st }, statusLabel(st));
  }

  function actorName(a) {
    if (!a) return "";
    const name = state.lang === "ar" ? (a.name_ar || a.name) : (a.name || a.name_ar);
    return name || a.text || a.id || "";
  }
  function placeName(loc) {
    if (!loc) return "";
    return (state.lang === "ar" ? (loc.name_ar || loc.name) : (loc.name || loc.name_ar)) || loc.text || "";
  }
  function eventDate(rec) {
    return (rec.time && rec.time.date) || rec.published || "";
  }

  // ---- API ----------------------------------------------------------------------------

  function query(params) {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v == null || v === "") continue;
      if (Array.isArray(v)) v.forEach((x) => sp.append(k, x));
      else sp.append(k, v);
    }
    const s = sp.toString();
    return s ? "?" + s : "";
  }

  async function api(channel, path, params) {
    // One request per channel at a time: a newer filter cancels the older answer.
    if (channel && inflight[channel]) inflight[channel].abort();
    const ctrl = new AbortController();
    if (channel) inflight[channel] = ctrl;
    const res = await fetch(path + query(params || {}), { signal: ctrl.signal, headers: { Accept: "application/json" } });
    if (!res.ok) {
      let msg = res.status + " " + res.statusText;
      try { const body = await res.json(); if (typeof body.detail === "string") msg = body.detail; } catch (e) { /* keep */ }
      throw new Error(msg);
    }
    return res.json();
  }

  function filterParams(opts) {
    const o = Object.assign({ dates: true, status: true }, opts || {});
    const f = state.filters;
    const p = {
      type: f.type || null, country: f.country || null, outlet: f.outlet || null,
      actor: f.actor || null, q: f.q || null,
    };
    if (o.dates) { p.date_from = f.from || null; p.date_to = f.to || null; }
    if (o.status && f.statuses.size) p.status = Array.from(f.statuses);
    if (f.inView && map) p.bbox = boxString(map.getBounds());
    return p;
  }

  function boxString(b) {
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    const w = clamp(b.getWest(), -180, 180), e = clamp(b.getEast(), -180, 180);
    const s = clamp(b.getSouth(), -90, 90), n = clamp(b.getNorth(), -90, 90);
    return [w, s, e, n].map((x) => x.toFixed(4)).join(",");
  }

  function showError(err) {
    if (err && err.name === "AbortError") return;
    const note = $("summary");
    note.textContent = t("error", { msg: err.message || String(err) });
    note.classList.add("error");
  }

  // ---- filters ------------------------------------------------------------------------

  function fillSelect(select, options, current, allLabel) {
    select.replaceChildren(el("option", { value: "" }, allLabel || t("all")));
    for (const [value, label] of options) select.append(el("option", { value }, label));
    if (current && !options.some(([value]) => value === current)) select.append(el("option", { value: current }, current));
    select.value = current || "";
  }

  function renderFilterOptions() {
    const facets = (state.facets || {});
    const typeCounts = facets.type || {};
    fillSelect($("f-type"), TYPES.filter((ty) => typeCounts[ty] || ty === state.filters.type)
      .map((ty) => [ty, `${typeLabel(ty)} (${fmtCount(typeCounts[ty] || 0)})`]), state.filters.type, t("all_types"));
    const outlets = Object.entries(facets.outlet || {});
    fillSelect($("f-outlet"), outlets.map(([o, n]) => [o, `${o} (${fmtCount(n)})`]), state.filters.outlet, t("all_outlets"));
    const countries = (state.countries || []);
    fillSelect($("f-country"), countries.map(([c, n]) => [c, `${c} (${fmtCount(n)})`]), state.filters.country, t("all_countries"));
    const list = $("actor-list");
    list.replaceChildren(...state.actors.map((a) =>
      el("option", { value: a.id || a.name_ar || "" }, `${actorName(a)} · ${fmtNumber(a.events)}`)));
    renderStatusChips();
  }

  function renderStatusChips() {
    const box = $("f-status");
    box.replaceChildren(el("span", { class: "chips-label" }, t("status")));
    for (const st of STATUSES) {
      const n = state.statusCounts[st] || 0;
      const on = state.filters.statuses.has(st);
      box.append(el("button", {
        type: "button", class: "chip" + (on ? " on" : "") + (n ? "" : " zero"),
        "data-status": st, "aria-pressed": on ? "true" : "false", title: `${fmtNumber(n)} · ${t("status_plain." + st)}`,
        onclick: () => {
          if (state.filters.statuses.has(st)) state.filters.statuses.delete(st);
          else state.filters.statuses.add(st);
          renderStatusChips();
          reload();
        },
      }, el("i", { class: "dot " + (FILLED.has(st) ? "filled" : "hollow"), style: `--c:${STATUS_COLORS[st]}` }),
      statusLabel(st), el("span", { class: "count" }, fmtCount(n))));
    }
  }

  function activeFilterCount() {
    const f = state.filters;
    return [f.from, f.to, f.type, f.country, f.outlet, f.actor, f.q].filter(Boolean).length;
  }

  function renderFiltersToggle() {
    const n = activeFilterCount();
    const btn = $("filters-toggle");
    btn.textContent = n ? t("more_filters_n", { n }) : t("more_filters");
    btn.setAttribute("aria-expanded", $("filters").classList.contains("open") ? "true" : "false");
  }

  function readControls() {
    const f = state.filters;
    f.from = $("f-from").value; f.to = $("f-to").value;
    f.type = $("f-type").value; f.country = $("f-country").value; f.outlet = $("f-outlet").value;
    f.q = $("f-q").value.trim(); f.inView = $("f-inview").checked;
    f.actor = resolveActor($("f-actor").value.trim());
  }

  function resolveActor(text) {
    if (!text) return "";
    const exact = state.actors.find((a) => a.id === text);
    if (exact) return exact.id;
    const lower = text.toLowerCase();
    const byName = state.actors.find((a) => (a.name || "").toLowerCase() === lower || a.name_ar === text);
    return byName ? (byName.id || text) : text;
  }

  function writeControls() {
    const f = state.filters;
    $("f-from").value = f.from; $("f-to").value = f.to; $("f-type").value = f.type;
    $("f-country").value = f.country; $("f-outlet").value = f.outlet; $("f-q").value = f.q;
    $("f-actor").value = f.actor; $("f-inview").checked = f.inView;
  }

  let reloadTimer = null;
  function reload(delay) {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => { readControls(); renderFiltersToggle(); saveFiltersToUrl(); loadAll(); }, delay || 0);
  }

  // The filters live in the address (?status=planned&type=ASSAULT…): a view can be bookmarked or sent.
  const URL_KEYS = { from: "date_from", to: "date_to", type: "type", country: "country", outlet: "outlet", actor: "actor", q: "q" };

  function saveFiltersToUrl() {
    const sp = new URLSearchParams(location.search);
    for (const [key, param] of Object.entries(URL_KEYS)) {
      if (state.filters[key]) sp.set(param, state.filters[key]); else sp.delete(param);
    }
    sp.delete("status");
    state.filters.statuses.forEach((st) => sp.append("status", st));
    if (state.sort !== "-date") sp.set("sort", state.sort); else sp.delete("sort");
    const qs = sp.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : "") + location.hash);
  }

  function loadFiltersFromUrl() {
    const sp = new URLSearchParams(location.search);
    for (const [key, param] of Object.entries(URL_KEYS)) state.filters[key] = sp.get(param) || "";
    state.filters.statuses = new Set(sp.getAll("status").filter((st) => STATUSES.includes(st)));
    const sort = sp.get("sort");
    if (sort && /^-?(date|published|confidence|type|status|outlet)$/.test(sort)) state.sort = sort;
  }

  // ---- loading ------------------------------------------------------------------------

  async function loadAll() {
    updateExportLink();
    const jobs = [loadTable(), loadPoints(), loadFacets()];
    jobs.push(loadTimeline());
    await Promise.allSettled(jobs);
  }

  async function loadTable(more) {
    const params = Object.assign(filterParams(), { sort: state.sort, limit: PAGE });
    if (more && state.cursor) params.cursor = state.cursor;
    try {
      const page = await api("table", "/api/events", params);
      state.rows = more ? state.rows.concat(page.events) : page.events;
      state.cursor = page.next_cursor;
      state.total = page.total;
      renderTable();
      renderSummary();
    } catch (err) { showError(err); }
  }

  async function loadFacets() {
    try {
      // Counts per status ignore the status filter itself, so every chip shows what it would add.
      const [withoutStatus, actors, places] = await Promise.all([
        api("facets", "/api/events", Object.assign(filterParams({ status: false }), { limit: 1, facets: true })),
        api("actors", "/api/actors", Object.assign(filterParams(), { limit: 300 })),
        api("places", "/api/places", Object.assign(filterParams({ status: true }), { limit: 2000 })),
      ]);
      state.facets = withoutStatus.facets;
      state.statusCounts = withoutStatus.facets.status || {};
      state.actors = actors.actors;
      const byCountry = {};
      for (const p of places.places) if (p.country) byCountry[p.country] = (byCountry[p.country] || 0) + p.events;
      if (state.filters.country && !byCountry[state.filters.country]) byCountry[state.filters.country] = 0;
      state.countries = Object.entries(byCountry).sort((a, b) => b[1] - a[1]);
      renderFilterOptions();
      renderLegend();
    } catch (err) { showError(err); }
  }

  function renderSummary() {
    const note = $("summary");
    note.classList.remove("error");
    note.textContent = state.info && state.total !== state.info.events
      ? t("events_of", { shown: state.total, n: state.info.events })
      : t("events_n", { n: state.total });
  }

  function updateExportLink() {
    const fmt = $("export-format").value;
    const params = Object.assign(filterParams(), { format: fmt, sort: state.sort });
    $("export-link").href = "/api/export" + query(params);
  }

  // ---- table --------------------------------------------------------------------------

  function whoCell(rec) {
    const src = (rec.source || []).map(actorName).join("، ");
    const tgt = (rec.target || []).map(actorName).join("، ");
    if (!src && !tgt) return el("span", { class: "muted" }, t("unknown_actor"));
    const arrow = state.lang === "ar" ? " ← " : " → ";
    return el("span", null, src || el("span", { class: "muted" }, "?"), tgt ? arrow : "", tgt);
  }

  function rowTitle(rec) {
    const names = (list) => (list || []).map(actorName).join("، ");
    return [names(rec.source), names(rec.target)].filter(Boolean).join(state.lang === "ar" ? " ← " : " → ");
  }

  function renderTable() {
    const body = $("events-body");
    body.replaceChildren(...state.rows.map((rec) => el("tr", {
      "data-id": rec.event_id, class: rec.event_id === state.selected ? "selected" : null, tabindex: "0",
      onclick: () => { location.hash = "#/event/" + encodeURIComponent(rec.event_id); },
      onkeydown: (e) => { if (e.key === "Enter") location.hash = "#/event/" + encodeURIComponent(rec.event_id); },
    },
    el("td", { class: "nowrap" }, eventDate(rec) || el("span", { class: "muted" }, t("none"))),
    el("td", null, typeBadge(rec.type)),
    el("td", null, statusBadge(rec.status)),
    el("td", { class: "who", title: rowTitle(rec) }, whoCell(rec)),
    el("td", { class: "col-where" }, placeName(rec.location)),
    el("td", { class: "col-outlet" }, rec.outlet || ""),
    el("td", { class: "col-conf num" }, rec.confidence != null ? rec.confidence.toFixed(2) : ""))));
    $("table-empty").hidden = state.rows.length > 0;
    if (!document.body.dataset.firstRowsMs) document.body.dataset.firstRowsMs = String(Math.round(performance.now()));
    $("load-more").hidden = !state.cursor;
    document.querySelectorAll("#events-table th[data-sort]").forEach((th) => {
      const key = th.dataset.sort;
      th.classList.toggle("sorted", state.sort.replace("-", "") === key);
      th.dataset.dir = state.sort === key ? "asc" : state.sort === "-" + key ? "desc" : "";
    });
  }

  // ---- map ----------------------------------------------------------------------------

  function initMap() {
    if (!window.L || !L.markerClusterGroup) {
      const note = $("map-note");
      note.hidden = false;
      note.textContent = t("no_map");
      return;
    }
    map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5,
      maxBounds: [[-85, -220], [85, 220]], preferCanvas: false }).setView([27, 32], 4);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth · Leaflet");
    cluster = L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 42, chunkedLoading: true, spiderfyDistanceMultiplier: 1.4,
      iconCreateFunction: (c) => {
        const n = c.getChildCount();
        const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
        return L.divIcon({ html: "<span>" + String(n) + "</span>", className: "cluster",
          iconSize: [size, size] });
      },
    });
    map.addLayer(cluster);
    map.on("moveend", () => { if (state.filters.inView) reload(150); });
    if (window.ResizeObserver) new ResizeObserver(() => map.invalidateSize()).observe($("map"));
    fetch("/static/vendor/countries-50m.json").then((r) => r.json()).then((topo) => {
      const shapes = topojson.feature(topo, topo.objects.countries);
      countries = L.geoJSON(shapes, { interactive: false,
        style: { color: "#b7ad98", weight: 0.7, fillColor: "#f3efe4", fillOpacity: 1 } }).addTo(map);
      countries.bringToBack();
    }).catch(() => { /* the map still works without shapes */ });
  }

  function markerIcon(type, status) {
    const key = type + "|" + status;
    if (!iconCache[key]) {
      iconCache[key] = L.divIcon({
        className: "ev-marker " + (FILLED.has(status) ? "filled" : "hollow"),
        html: "<i style=\"--c:" + (TYPE_COLORS[type] || "#555") + "\"></i>",
        iconSize: [16, 16], iconAnchor: [8, 8],
      });
    }
    return iconCache[key];
  }

  async function loadPoints() {
    if (!map) return;
    try {
      const res = await api("points", "/api/points", Object.assign(filterParams(), { limit: 20000 }));
      cluster.clearLayers();
      const markers = res.points.map(([id, lat, lon, type, status]) => {
        const m = L.marker([lat, lon], { icon: markerIcon(type, status), title: typeLabel(type) + " · " + statusLabel(status), keyboard: false });
        m.on("click", () => { location.hash = "#/event/" + encodeURIComponent(id); });
        return m;
      });
      cluster.addLayers(markers);
      const note = $("map-note");
      note.hidden = !res.truncated;
      if (res.truncated) note.textContent = t("map_truncated", { shown: res.points.length, n: res.total });
      if (!mapFitted && markers.length) {
        mapFitted = true;
        map.fitBounds(L.latLngBounds(res.points.map((p) => [p[1], p[2]])).pad(0.25), { maxZoom: 6 });
      }
    } catch (err) { showError(err); }
  }

  function renderLegend() {
    const box = $("legend");
    const used = (state.facets && state.facets.type) ? TYPES.filter((ty) => state.facets.type[ty]) : TYPES;
    box.replaceChildren(
      el("span", { class: "lg key" }, el("i", { class: "dot filled", style: "--c:#555" }), t("statuses.occurred")),
      el("span", { class: "lg key" }, el("i", { class: "dot hollow", style: "--c:#555" }), t("hollow_key")),
      el("span", { class: "lg-break" }),
      ...used.map((ty) => el("span", { class: "lg" }, el("i", { class: "dot filled", style: `--c:${TYPE_COLORS[ty]}` }), typeLabel(ty))));
    const toggle = $("legend-toggle");
    toggle.replaceChildren(
      el("i", { class: "dot filled", style: "--c:#555" }), el("i", { class: "dot hollow", style: "--c:#555" }),
      " " + t("legend") + (box.hidden ? " ▾" : " ▴"));
    toggle.setAttribute("aria-expanded", box.hidden ? "false" : "true");
  }

  // ---- timeline -------------------------------------------------------------------------

  const DAY = 86400000;
  const parseDay = (s) => Date.parse(s + "T00:00:00Z");
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

  function stepAfter(ms, interval) {
    const d = new Date(ms);
    if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    return ms + (interval === "week" ? 7 : 1) * DAY;
  }

  // "auto": bars a few pixels wide or more, whatever the span of the data.
  function timelineInterval() {
    if (state.tlInterval !== "auto") return state.tlInterval;
    const info = state.info;
    if (!info || !info.date_p01 || !info.date_p99) return "day";
    const days = (parseDay(info.date_p99) - parseDay(info.date_p01)) / DAY;
    return days <= 120 ? "day" : days <= 1100 ? "week" : "month";
  }

  async function loadTimeline() {
    try {
      if (state.infoJob) await state.infoJob;
      const res = await api("timeline", "/api/timeline",
        Object.assign(filterParams({ dates: false }), { interval: timelineInterval(), by: state.tlBy }));
      state.timeline = res;
      renderTimeline();
    } catch (err) { showError(err); }
  }

  /* The periods to draw: all but the 0.5 % of events at either end, so that a few misread
   * years (0619, 2037) do not squash ten years of news into one bar. */
  function robustPeriods(periods) {
    const keys = Object.keys(periods).sort();
    const counts = keys.map((k) => periods[k].reduce((n, r) => n + r.count, 0));
    const total = counts.reduce((a, b) => a + b, 0);
    const cut = total * 0.005;
    let lo = 0, hi = keys.length - 1, acc = 0;
    while (lo < hi && acc + counts[lo] <= cut) acc += counts[lo++];
    acc = 0;
    while (hi > lo && acc + counts[hi] <= cut) acc += counts[hi--];
    return keys.slice(lo, hi + 1);
  }

  function renderTimeline() {
    const box = $("timeline");
    const res = state.timeline;
    const periods = {};
    for (const row of (res ? res.series : [])) {
      (periods[row.period] = periods[row.period] || []).push(row);
    }
    const keys = robustPeriods(periods);
    const outside = (res ? res.series : []).reduce((n, r) => n + r.count, 0) -
      keys.reduce((n, k) => n + periods[k].reduce((m, r) => m + r.count, 0), 0);
    // the header's badges first: the chart takes the height that is left
    $("tl-outside").hidden = !outside;
    $("tl-outside").textContent = t("outside_range", { n: outside });
    $("tl-undated").hidden = !(res && res.undated);
    $("tl-undated").textContent = t("undated", { n: res ? res.undated : 0 });
    const width = Math.max(box.clientWidth, 200), height = Math.max(box.clientHeight, 90);
    const pad = { l: 34, r: 10, t: 8, b: 20 };
    const svgNS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("width", width); svg.setAttribute("height", height);
    svg.setAttribute("role", "img");
    box.replaceChildren(svg);
    if (!keys.length) return;
    const t0 = parseDay(keys[0]);
    const t1 = stepAfter(parseDay(keys[keys.length - 1]), res.interval);
    const x = (ms) => pad.l + (ms - t0) / (t1 - t0) * (width - pad.l - pad.r);
    const xInv = (px) => t0 + (px - pad.l) / (width - pad.l - pad.r) * (t1 - t0);
    let maxN = 1;
    for (const k of keys) maxN = Math.max(maxN, periods[k].reduce((s, r) => s + r.count, 0));
    const y = (n) => (height - pad.b) - n / maxN * (height - pad.t - pad.b);
    const mk = (tag, attrs) => { const n = document.createElementNS(svgNS, tag); for (const [a, v] of Object.entries(attrs)) n.setAttribute(a, v); return n; };
    const order = res.by === "status" ? STATUSES : TYPES;
    const colors = res.by === "status" ? STATUS_COLORS : TYPE_COLORS;
    // grid and axis
    for (const frac of [0.5, 1]) {
      const n = Math.round(maxN * frac);
      svg.append(mk("line", { x1: pad.l, x2: width - pad.r, y1: y(n), y2: y(n), class: "grid" }));
      const lbl = mk("text", { x: pad.l - 5, y: y(n) + 4, class: "axis", "text-anchor": "end" });
      lbl.textContent = fmtNumber(n);
      svg.append(lbl);
    }
    svg.append(mk("line", { x1: pad.l, x2: width - pad.r, y1: height - pad.b, y2: height - pad.b, class: "base" }));
    const ticks = Math.min(keys.length + 1, Math.floor((width - pad.l) / 90));
    for (let i = 0; i <= ticks; i++) {
      const ms = t0 + (t1 - t0) * i / Math.max(ticks, 1);
      const lbl = mk("text", { x: x(ms), y: height - 5, class: "axis", "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" });
      lbl.textContent = isoDay(ms).slice(res.interval === "month" ? 0 : 0, res.interval === "month" ? 7 : 10);
      svg.append(lbl);
    }
    // brush: the selected date range (behind the bars), and dragging to choose a new one
    const f = state.filters;
    const brush = mk("rect", { class: "brush", y: pad.t, height: height - pad.t - pad.b, x: 0, width: 0 });
    const selFrom = f.from ? parseDay(f.from) : -Infinity, selTo = f.to ? parseDay(f.to) + DAY : Infinity;
    if (f.from || f.to) {
      const a = Math.max(t0, selFrom), b = Math.min(t1, selTo);
      brush.setAttribute("x", Math.max(pad.l, x(a)));
      brush.setAttribute("width", Math.max(2, Math.min(width - pad.r, x(b)) - Math.max(pad.l, x(a))));
    }
    svg.append(brush);
    for (const k of keys) {
      const start = parseDay(k), end = stepAfter(start, res.interval);
      const outside = end <= selFrom || start >= selTo;
      const bx = x(start) + 0.5, bw = Math.max(1.5, x(end) - x(start) - 1);
      let acc = 0;
      const rows = periods[k].slice().sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
      for (const r of rows) {
        const rect = mk("rect", { x: bx, width: bw, y: y(acc + r.count), height: Math.max(0.5, y(acc) - y(acc + r.count)), fill: colors[r.key] || "#888", class: outside ? "dim" : "bar" });
        const tip = mk("title", {});
        tip.textContent = `${k} · ${res.by === "status" ? statusLabel(r.key) : typeLabel(r.key)}: ${fmtNumber(r.count)}`;
        rect.append(tip);
        svg.append(rect);
        acc += r.count;
      }
    }
    $("tl-clear").hidden = !(f.from || f.to);
    let startX = null;
    const localX = (ev) => Math.max(pad.l, Math.min(width - pad.r, ev.clientX - svg.getBoundingClientRect().left));
    svg.addEventListener("pointerdown", (ev) => {
      startX = localX(ev);
      svg.setPointerCapture(ev.pointerId);
      brush.setAttribute("x", startX); brush.setAttribute("width", 0);
    });
    svg.addEventListener("pointermove", (ev) => {
      if (startX == null) return;
      const cx = localX(ev);
      brush.setAttribute("x", Math.min(startX, cx)); brush.setAttribute("width", Math.abs(cx - startX));
    });
    svg.addEventListener("pointerup", (ev) => {
      if (startX == null) return;
      const cx = localX(ev);
      const a = Math.min(startX, cx), b = Math.max(startX, cx);
      startX = null;
      if (b - a < 3) { // a click: the one bar under the pointer
        const ms = xInv(a);
        const k = keys.find((p) => parseDay(p) <= ms && ms < stepAfter(parseDay(p), res.interval));
        if (!k) return;
        setDates(k, isoDay(stepAfter(parseDay(k), res.interval) - DAY));
        return;
      }
      setDates(isoDay(xInv(a)), isoDay(xInv(b) - 1));
    });
  }

  function setDates(from, to) {
    state.filters.from = from; state.filters.to = to;
    $("f-from").value = from; $("f-to").value = to;
    $("tl-clear").hidden = false;
    renderTimeline();
    reload();
  }

  // ---- event and document views --------------------------------------------------------

  /* Split text into runs, each wrapped by the highest-priority mark covering it.
   * Offsets count Unicode code points, as Python's do. */
  function markedText(text, marks, offset) {
    const chars = Array.from(text);
    const n = chars.length;
    const ms = marks.map((m) => Object.assign({}, m, { a: Math.max(0, m.start - offset), b: Math.min(n, m.end - offset) }))
      .filter((m) => m.a < m.b);
    const cuts = new Set([0, n]);
    ms.forEach((m) => { cuts.add(m.a); cuts.add(m.b); });
    const points = Array.from(cuts).sort((p, q) => p - q);
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = chars.slice(a, b).join("");
      const cover = ms.filter((m) => m.a <= a && b <= m.b).sort((p, q) => p.rank - q.rank);
      if (!cover.length) { out.push(document.createTextNode(piece)); continue; }
      const top = cover[0];
      const node = el(top.tag || "mark", Object.assign({ class: top.cls, title: top.title || null }, top.attrs || {}), piece);
      if (cover.length > 1) node.classList.add(...cover.slice(1).map((m) => m.cls + "-also"));
      out.push(node);
    }
    return out;
  }

  function eventMarks(rec) {
    const marks = [];
    const ev = rec.evidence || {};
    if (ev.trigger_span) marks.push({ start: ev.trigger_span[0], end: ev.trigger_span[1], cls: "hl-trigger", rank: 0, title: t("trigger") });
    (rec.source || []).forEach((a) => a.span && marks.push({ start: a.span[0], end: a.span[1], cls: "hl-source", rank: 1, title: t("hl_source") + ": " + actorName(a) }));
    (rec.target || []).forEach((a) => a.span && marks.push({ start: a.span[0], end: a.span[1], cls: "hl-target", rank: 2, title: t("hl_target") + ": " + actorName(a) }));
    if (rec.location && rec.location.span) marks.push({ start: rec.location.span[0], end: rec.location.span[1], cls: "hl-place", rank: 3, title: t("hl_place") + ": " + placeName(rec.location) });
    if (rec.time && rec.time.span) marks.push({ start: rec.time.span[0], end: rec.time.span[1], cls: "hl-time", rank: 4, title: t("hl_time") });
    return marks;
  }

  function fact(label, ...value) {
    return el("div", { class: "fact" }, el("dt", null, label), el("dd", null, ...value));
  }

  function actorList(list) {
    if (!list || !list.length) return [el("span", { class: "muted" }, t("unknown_actor"))];
    return list.map((a, i) => el("span", { class: "actor" }, i ? "، " : "", actorName(a),
      a.id ? el("code", null, a.id) : null,
      a.text && a.text !== actorName(a) ? [" ", el("bdi", { class: "quote", lang: "ar", dir: "rtl" }, "«" + a.text + "»")] : null));
  }

  function reporterLine(rec) {
    const att = rec.attribution || { kind: "none" };
    const who = att.text || (att.actor && actorName(att.actor)) || (att.kind === "outlet" ? rec.outlet : null);
    const parts = [];
    if (who) parts.push(el("bdi", { class: "quote", dir: "auto" }, who));
    parts.push(el("span", { class: "muted" }, " (" + t("attribution." + att.kind) + ")"));
    return parts;
  }

  function statusSentence(rec) {
    const st = rec.status;
    return el("p", { class: "status-line " + (FILLED.has(st) ? "filled" : "hollow"), style: `--c:${STATUS_COLORS[st] || "#555"}` },
      statusBadge(st), " ", t("status_plain." + st));
  }

  function renderEvent(data) {
    const rec = data.event, doc = data.document || {};
    state.selected = rec.event_id;
    document.querySelectorAll("#events-body tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.id === rec.event_id));
    const ev = rec.evidence || {};
    const cas = rec.casualties || {};
    const casParts = ["killed", "injured", "abducted", "arrested"].filter((k) => cas[k] != null)
      .map((k) => `${fmtNumber(cas[k])} ${t(k)}`);
    const time = rec.time || {};
    const loc = rec.location;
    const url = safeUrl(rec.url || doc.url);
    const panel = $("detail");
    document.body.classList.remove("doc-open", "no-event");
    panel.replaceChildren(
      el("div", { class: "detail-head" },
        typeBadge(rec.type), rec.mode ? el("span", { class: "badge mode" }, rec.mode) : null,
        el("span", { class: "date" }, eventDate(rec) || t("unknown")),
        el("a", { class: "btn ghost small head-doc", href: "#/doc/" + encodeURIComponent(rec.doc_id) }, t("document")),
        el("button", { type: "button", class: "btn ghost small close", onclick: () => { location.hash = "#/"; } }, "×")),
      statusSentence(rec),
      el("h3", { class: "section" }, t("evidence")),
      el("blockquote", { class: "evidence", lang: "ar", dir: "rtl", id: "evidence" },
        ...markedText(ev.sentence || "", eventMarks(rec), (ev.sentence_span || [0])[0])),
      el("div", { class: "hl-legend" },
        el("span", { class: "hl-trigger" }, t("trigger")), el("span", { class: "hl-source" }, t("hl_source")),
        el("span", { class: "hl-target" }, t("hl_target")), el("span", { class: "hl-place" }, t("hl_place")),
        el("span", { class: "hl-time" }, t("hl_time"))),
      el("dl", { class: "facts" },
        fact(t("who"), ...actorList(rec.source)),
        fact(t("whom"), ...actorList(rec.target)),
        fact(t("where"), loc ? [placeName(loc), loc.country ? el("code", null, loc.country) : null,
          el("span", { class: "muted" }, " · " + t("precision." + (loc.precision || "unknown")))] : el("span", { class: "muted" }, t("unknown"))),
        fact(t("when"), time.date || t("unknown"), el("span", { class: "muted" }, " · " + t("precision." + (time.precision || "unknown"))),
          time.text ? [" ", el("bdi", { class: "quote", lang: "ar", dir: "rtl" }, "«" + time.text + "»")] : null),
        casParts.length ? fact(t("casualties"), casParts.join("، ")) : null,
        fact(t("reported_by"), ...reporterLine(rec)),
        fact(t("read_in"), el("bdi", { dir: "auto" }, rec.outlet || ""), rec.published ? [" · ", el("bdi", { dir: "ltr" }, rec.published)] : null,
          doc.title ? el("div", { class: "doc-title", lang: "ar", dir: "rtl" }, doc.title) : null,
          url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", class: "ext" }, t("source_link")) : null),
        fact(t("confidence"), rec.confidence != null ? rec.confidence.toFixed(2) : "", el("span", { class: "muted" }, " · " + t("rule") + " " + (rec.rule || "")))),
      el("a", { class: "btn wide doc-link", id: "doc-link", href: "#/doc/" + encodeURIComponent(rec.doc_id) }, t("full_document") + " →"));
  }

  function renderDocument(data) {
    const doc = data.document, events = data.events || [];
    const panel = $("detail");
    document.body.classList.remove("no-event");
    document.body.classList.add("doc-open");
    const marks = [];
    for (const m of data.mentions || []) {
      if (m.start != null && m.end != null) marks.push({ start: m.start, end: m.end, cls: "hl-mention", rank: 5, tag: "span", title: m.label || null });
    }
    events.forEach((rec, i) => {
      const sp = rec.evidence && rec.evidence.trigger_span;
      if (!sp) return;
      marks.push({ start: sp[0], end: sp[1], cls: "doc-trigger " + (FILLED.has(rec.status) ? "filled" : "hollow"), rank: 0, tag: "a",
        title: typeLabel(rec.type) + " · " + statusLabel(rec.status),
        attrs: { href: "#/event/" + encodeURIComponent(rec.event_id), style: `--c:${TYPE_COLORS[rec.type] || "#555"}`, "data-event": rec.event_id } });
    });
    const url = safeUrl(doc.url);
    const back = state.selected ? "#/event/" + encodeURIComponent(state.selected) : "#/";
    panel.replaceChildren(
      el("div", { class: "detail-head" },
        el("a", { class: "btn ghost small", href: back }, (state.lang === "ar" ? "→ " : "← ") + t("back_to_event")),
        el("span", { class: "date" }, el("bdi", { dir: "auto" }, doc.outlet || ""), doc.published ? [" · ", el("bdi", { dir: "ltr" }, doc.published)] : null),
        url ? el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank", class: "ext" }, t("source_link")) : null),
      el("h2", { class: "doc-heading", lang: "ar", dir: "rtl" }, doc.title || t("document")),
      el("div", { class: "doc-body" },
        el("article", { class: "doc-text", lang: "ar", dir: "rtl", id: "doc-text" }, ...markedText(doc.text || "", marks, 0)),
        el("div", { class: "doc-events" },
          el("h3", { class: "section" }, t("doc_events", { n: events.length })),
          el("ol", null, ...events.map((rec) => el("li", { class: rec.event_id === state.selected ? "selected" : null },
            el("a", { href: "#/event/" + encodeURIComponent(rec.event_id) },
              typeBadge(rec.type), " ", statusBadge(rec.status), " ",
              el("span", { lang: "ar", dir: "rtl", class: "quote" }, (rec.evidence || {}).trigger || "")))))))); 
    const current = panel.querySelector(`[data-event="${CSS.escape(state.selected || "")}"]`);
    if (current) { current.classList.add("current"); current.scrollIntoView({ block: "center" }); }
  }

  function renderPlaceholder() {
    document.body.classList.remove("doc-open");
    document.body.classList.add("no-event");
    state.selected = null;
    document.querySelectorAll("#events-body tr.selected").forEach((tr) => tr.classList.remove("selected"));
    $("detail").replaceChildren(el("div", { class: "placeholder" },
      el("div", { class: "ph-mark", "aria-hidden": "true" }, "◎"), el("p", null, t("pick_event"))));
  }

  async function route() {
    const m = location.hash.match(/^#\/(event|doc)\/(.+)$/);
    if (!m) { renderPlaceholder(); return; }
    const id = decodeURIComponent(m[2]);
    try {
      if (m[1] === "event") {
        renderEvent(await api("detail", "/api/events/" + encodeURIComponent(id)));
        if (window.matchMedia("(max-width: 900px)").matches) $("detail").scrollIntoView({ block: "start" });
      } else {
        renderDocument(await api("detail", "/api/documents/" + encodeURIComponent(id)));
      }
    } catch (err) {
      if (err.name === "AbortError") return;
      $("detail").replaceChildren(el("p", { class: "error" }, t("error", { msg: err.message })));
    }
  }

  // ---- wiring -------------------------------------------------------------------------

  function wire() {
    $("filters").addEventListener("submit", (e) => e.preventDefault());
    $("filters-toggle").addEventListener("click", () => {
      $("filters").classList.toggle("open");
      renderFiltersToggle();
    });
    ["f-from", "f-to", "f-type", "f-country", "f-outlet", "f-inview", "f-actor"].forEach((id) =>
      $(id).addEventListener("change", () => reload()));
    $("f-q").addEventListener("input", () => reload(300));
    $("f-reset").addEventListener("click", () => {
      state.filters = emptyFilters();
      writeControls();
      renderStatusChips();
      reload();
    });
    $("tl-clear").addEventListener("click", () => setDates("", ""));
    $("tl-by").addEventListener("change", (e) => { state.tlBy = e.target.value; loadTimeline(); });
    $("tl-interval").addEventListener("change", (e) => { state.tlInterval = e.target.value; loadTimeline(); });
    $("export-format").addEventListener("change", updateExportLink);
    $("legend-toggle").addEventListener("click", () => { $("legend").hidden = !$("legend").hidden; renderLegend(); });
    $("load-more").addEventListener("click", () => loadTable(true));
    document.querySelectorAll("#events-table th[data-sort]").forEach((th) => th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = state.sort === "-" + key ? key : "-" + key;
      saveFiltersToUrl();
      updateExportLink();
      loadTable();
    }));
    $("lang-toggle").addEventListener("click", () => {
      state.lang = I18N[state.lang].other;
      applyLanguage();
      renderFiltersToggle();
      renderFilterOptions();
      renderTable();
      renderSummary();
      renderTimeline();
      renderLegend();
      route();
    });
    window.addEventListener("hashchange", route);
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { renderTimeline(); if (map) map.invalidateSize(); }, 150);
    });
  }

  async function start() {
    loadFiltersFromUrl();
    applyLanguage();
    renderFiltersToggle();
    wire();
    initMap();
    writeControls();
    renderStatusChips();
    renderPlaceholder();
    state.infoJob = api(null, "/api/info").then((info) => { state.info = info; renderSummary(); }).catch(showError);
    await Promise.allSettled([state.infoJob, loadAll(), route()]);
    document.body.dataset.ready = "1";
  }

  start();
})();
