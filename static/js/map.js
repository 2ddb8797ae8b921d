/*
 * The world map's year slider (templates/diplomacy/map.html).
 *
 * The page works without this file: the year form reloads the page. With it,
 * a slider appears beside the year box; moving either fetches that year's
 * states from the page's JSON endpoint (data-states-url) and recolours the
 * map, the legend counts and the table in place, and keeps the address bar
 * in step (history.replaceState) so the address can be shared.
 */
(function () {
  "use strict";

  function init() {
    var root = document.getElementById("world-map");
    if (!root || !window.fetch) return;
    var form = root.querySelector("form.map-year");
    var number = form && form.querySelector('input[name="year"]');
    var range = document.getElementById("map-year-range");
    var svg = root.querySelector("svg.world-map-svg");
    if (!form || !number || !range || !svg) return;

    var url = root.getAttribute("data-states-url");
    // The page's own words, in its language (templates/diplomacy/map.html).
    var nothing = root.getAttribute("data-nothing");
    var none = root.getAttribute("data-none");
    var first = Number(range.min);
    var last = Number(range.max);
    var timer = null;
    var pending = null;
    var shown = Number(number.value);

    range.hidden = false;
    range.value = String(shown);

    function valid(year) {
      return Number.isInteger(year) && year >= first && year <= last;
    }

    function el(name, attrs, text) {
      var node = document.createElement(name);
      Object.keys(attrs || {}).forEach(function (key) {
        node.setAttribute(key, attrs[key]);
      });
      if (text) node.textContent = text;
      return node;
    }

    function swatch(state) {
      var ns = "http://www.w3.org/2000/svg";
      var box = document.createElementNS(ns, "svg");
      box.setAttribute("class", "swatch");
      box.setAttribute("viewBox", "0 0 24 16");
      box.setAttribute("aria-hidden", "true");
      var rect = document.createElementNS(ns, "rect");
      rect.setAttribute("class", "state-" + state);
      rect.setAttribute("width", "24");
      rect.setAttribute("height", "16");
      box.appendChild(rect);
      return box;
    }

    function drawMap(countries) {
      countries.forEach(function (country) {
        var link = svg.querySelector('a[data-code="' + country.code + '"]');
        if (!link) return; // not drawn at this scale
        var path = link.querySelector("path");
        var title = link.querySelector("title");
        var dot = path.classList.contains("dot") ? " dot" : "";
        path.setAttribute("class", "country state-" + country.state + dot);
        if (title) title.textContent = country.summary;
      });
    }

    function drawLegend(legend) {
      legend.forEach(function (entry) {
        var item = root.querySelector('.map-legend li[data-state="' + entry.state + '"]');
        if (!item) return;
        item.hidden = entry.count === 0;
        item.querySelector("[data-count]").textContent = entry.countries;
      });
    }

    function drawTable(countries) {
      var body = document.getElementById("map-rows");
      var others = document.getElementById("map-others");
      var rows = [];
      var rest = [];
      countries.forEach(function (country) {
        (country.facts.length ? rows : rest).push(country);
      });
      body.replaceChildren();
      rows.forEach(function (country) {
        var tr = el("tr", { "data-code": country.code, "data-state": country.state });
        var th = el("th", { scope: "row" });
        th.appendChild(el("a", { href: country.url }, country.name));
        th.appendChild(document.createTextNode(" "));
        var colour = el("span", { class: "state" });
        colour.appendChild(swatch(country.state));
        colour.appendChild(document.createTextNode(" " + country.label));
        th.appendChild(colour);
        var facts = el("td");
        var list = el("ul", { class: "facts" });
        country.facts.forEach(function (fact) {
          var li = el("li");
          li.appendChild(el("a", { href: fact.url }, fact.text));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(el("span", { class: "kind" }, fact.kind));
          if (fact.when) {
            li.appendChild(document.createTextNode(" "));
            li.appendChild(el("span", { class: "when" }, fact.when));
          }
          list.appendChild(li);
        });
        facts.appendChild(list);
        tr.append(th, facts);
        body.appendChild(tr);
      });
      if (!rows.length) {
        var empty = el("tr", { class: "empty" });
        empty.appendChild(el("td", { colspan: "2" }, nothing));
        body.appendChild(empty);
      }
      others.replaceChildren();
      rest.forEach(function (country, index) {
        if (index) others.appendChild(document.createTextNode(", "));
        others.appendChild(el("a", { href: country.url, "data-code": country.code }, country.name));
      });
      if (!rest.length) others.textContent = none;
    }

    // The server words the counts ("1 country", "2 countries"), in every language it speaks.
    function drawYear(data) {
      root.querySelectorAll("[data-map-year]").forEach(function (node) {
        node.textContent = String(data.year);
      });
      var status = document.getElementById("map-status");
      if (status) status.textContent = data.status;
      var mapTitle = document.getElementById("map-svg-title");
      if (mapTitle) {
        mapTitle.textContent = mapTitle.textContent.replace(/\d{4}/, String(data.year));
      }
      document.title = document.title.replace(/\d{4}/, String(data.year));
      root.querySelectorAll(".key-years a").forEach(function (link) {
        if (link.textContent.indexOf(String(data.year)) === 0) {
          link.setAttribute("aria-current", "true");
        } else {
          link.removeAttribute("aria-current");
        }
      });
      root.querySelectorAll("a[data-keep-year]").forEach(function (link) {
        var target = new URL(link.href);
        target.searchParams.set("year", String(data.year));
        link.href = target.toString();
      });
      var address = new URL(window.location.href);
      address.searchParams.set("year", String(data.year));
      window.history.replaceState({ year: data.year }, "", address);
    }

    function show(year) {
      if (!valid(year) || year === shown) return;
      if (pending) pending.abort();
      pending = new AbortController();
      root.setAttribute("aria-busy", "true");
      fetch(url + "?year=" + year, {
        headers: { Accept: "application/json" },
        signal: pending.signal,
      })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          shown = data.year;
          drawMap(data.countries);
          drawLegend(data.legend);
          drawTable(data.countries);
          drawYear(data);
        })
        .catch(function (error) {
          // Fall back to the page itself, which always works.
          if (error.name !== "AbortError") form.submit();
        })
        .finally(function () {
          root.removeAttribute("aria-busy");
        });
    }

    function later(year) {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        show(year);
      }, 120);
    }

    range.addEventListener("input", function () {
      number.value = range.value;
      later(Number(range.value));
    });
    number.addEventListener("input", function () {
      var year = Number(number.value);
      if (valid(year)) {
        range.value = String(year);
        later(year);
      }
    });
    form.addEventListener("submit", function (event) {
      var year = Number(number.value);
      if (!valid(year)) return; // the server answers with the reason
      event.preventDefault();
      range.value = String(year);
      show(year);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
