// zaman report: links the timeline, the graph and the article both ways.
// Plain JavaScript, no library, no request. Everything interactive carries
// data-act (event | trigger | timex | actor) and data-id.
(function () {
  "use strict";
  var dataEl = document.getElementById("zaman-data");
  var data = dataEl ? JSON.parse(dataEl.textContent) : { events: {}, document: { events: [] } };
  var details = document.getElementById("details");

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }
  function byId(id) {
    return document.getElementById(id);
  }
  function attr(value) {
    return String(value).replace(/["\\]/g, "\\$&");
  }
  function eventOf(id) {
    var events = data.document.events || [];
    for (var i = 0; i < events.length; i++) {
      if (events[i].id === id) return events[i];
    }
    return null;
  }

  function clear() {
    all(".sel, .hl, .hl-content, .hl-time, .hl-actor, .hl-lane, .hl-edge").forEach(function (el) {
      el.classList.remove("sel", "hl", "hl-content", "hl-time", "hl-actor", "hl-lane", "hl-edge");
    });
    all("[aria-pressed=true]").forEach(function (el) {
      el.setAttribute("aria-pressed", "false");
    });
  }

  function reveal(el, where) {
    if (el) el.scrollIntoView({ block: where || "center", inline: "center", behavior: "instant" });
  }

  function show(parts) {
    if (!details) return;
    details.textContent = "";
    parts.forEach(function (p) {
      var el = document.createElement(p[0]);
      el.textContent = p[1];
      if (p[2]) el.className = p[2];
      details.appendChild(el);
    });
  }

  // Selects an event (a first mention): its timeline item or chip, its graph node,
  // its trigger(s) and content in the text, its timex. `from` is where the user acted;
  // the other views scroll to it.
  function selectEvent(id, from) {
    clear();
    var info = data.events[id];
    var items = [byId("tl-" + id), byId("un-" + id)].filter(Boolean);
    items.forEach(function (el) {
      el.classList.add("sel");
      el.setAttribute("aria-pressed", "true");
    });
    var node = byId("g-" + id);
    if (node) node.classList.add("sel");
    all('.edge[data-event="' + attr(id) + '"]').forEach(function (el) {
      el.classList.add("hl-edge");
    });
    var triggers = all('.trg[data-id="' + attr(id) + '"]');
    triggers.forEach(function (el) {
      el.classList.add("hl");
    });
    all('.trg[data-target="' + attr(id) + '"]').forEach(function (el) {
      if (el.getAttribute("data-id") !== id) el.classList.add("hl-content");
    });
    all('.content[data-ev="' + attr(id) + '"]').forEach(function (el) {
      el.classList.add("hl-content");
    });
    if (info && info.timex) {
      all('.tx[data-id="' + attr(info.timex) + '"]').forEach(function (el) {
        el.classList.add("hl-time");
      });
    }
    if (info) {
      show([
        ["p", info.kind + " · " + info.lane + " · " + (info.date || "بلا تاريخ"), "what"],
        ["p", info.headline, "headline"],
        ["p", data.hasText ? info.evidence : "نص المقال غير متاح؛ " + info.evidence, "evidence"],
      ]);
    }
    if (from === "trigger") {
      reveal(items[0], "nearest");
    } else if (triggers.length) {
      reveal(triggers[0], "center");
    } else if (from !== "event") {
      reveal(items[0], "nearest");
    }
  }

  function selectTimex(id) {
    clear();
    var spans = all('.tx[data-id="' + attr(id) + '"]');
    spans.forEach(function (el) {
      el.classList.add("hl-time");
    });
    var found = [];
    Object.keys(data.events).forEach(function (eid) {
      if (data.events[eid].timex === id) {
        found.push(eid);
        [byId("tl-" + eid), byId("g-" + eid)].forEach(function (el) {
          if (el) el.classList.add("sel");
        });
      }
    });
    var tip = spans.length ? spans[0].getAttribute("data-tip") : id;
    show([["p", "تعبير زمني: " + tip, "what"], ["p", found.length + " حدث بهذا التاريخ", "headline"]]);
    reveal(byId("tl-" + found[0]), "nearest");
  }

  function selectActor(id, from) {
    clear();
    var mentions = all('.ac[data-id="' + attr(id) + '"]');
    mentions.forEach(function (el) {
      el.classList.add("hl-actor");
    });
    var node = byId("g-" + id);
    if (node) node.classList.add("sel");
    all('.edge[data-actor="' + attr(id) + '"]').forEach(function (el) {
      el.classList.add("hl-edge");
    });
    all('[data-lane="' + attr(id) + '"]').forEach(function (el) {
      el.classList.add("hl-lane");
    });
    var actor = (data.document.actors || []).filter(function (a) {
      return a.id === id;
    })[0];
    if (actor) {
      show([
        ["p", "فاعل · " + actor.type + (actor.country ? " · " + actor.country : ""), "what"],
        ["p", actor.name + (actor.name_en ? " (" + actor.name_en + ")" : ""), "headline"],
        ["p", (actor.mentions || []).length + " ذكر في النص", "evidence"],
      ]);
    }
    if (from !== "actor-text") reveal(mentions[0], "center");
  }

  function activate(el) {
    var act = el.getAttribute("data-act");
    var id = el.getAttribute("data-id");
    if (!id) return;
    if (act === "event") {
      selectEvent(id, el.closest(".graph") ? "graph" : "event");
    } else if (act === "trigger") {
      var target = el.getAttribute("data-target") || id;
      if (eventOf(target)) selectEvent(target, "trigger");
    } else if (act === "timex") {
      selectTimex(id);
    } else if (act === "actor") {
      selectActor(id, el.closest("#text") ? "actor-text" : "actor");
    }
  }

  document.addEventListener("click", function (ev) {
    var el = ev.target.closest("[data-act]");
    if (el) {
      ev.preventDefault();
      activate(el);
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      clear();
      show([["p", "لم يُحدَّد أي حدث.", "muted"]]);
      return;
    }
    if (ev.key !== "Enter" && ev.key !== " ") return;
    var el = ev.target;
    // native buttons click on Enter and Space by themselves
    if (!el || el.tagName === "BUTTON" || !el.hasAttribute || !el.hasAttribute("data-act")) return;
    ev.preventDefault();
    activate(el);
  });
})();
