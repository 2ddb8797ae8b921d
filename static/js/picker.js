/*
 * The type-ahead of the list filters' record pickers (RecordPicker in
 * history/filters.py).
 *
 * Without this file a picker is a text box that takes a name, sent with the
 * form. With it, two letters or more ask the picker's API list (data-source,
 * ?name=, only the data-fields it shows) for matching names, offered as an ARIA 1.2 combobox
 * (@github/combobox-nav, vendored). Choosing one adds it to the picked records
 * as a ticked box and empties the text box; Apply sends the form as before.
 */
import Combobox from "./vendor/combobox-nav.js";

const WAIT_MS = 150;
const SHOWN = 8;

// The words a picker says, in the page's language: data attributes rendered by
// RecordPicker (history/filters.py), with %(…)s for what is filled in here.
function fill(template, values) {
  return template.replace(/%\((\w+)\)s/g, (whole, name) => (name in values ? values[name] : whole));
}

// "3 suggestions": the attribute holds the form for a few sample counts (1, 2, 5);
// a count takes the form of the sample in its plural category (one, few, many, other).
function counted(forms, count) {
  const rules = new Intl.PluralRules(document.documentElement.lang || "en");
  const category = rules.select(count);
  const samples = Object.keys(forms);
  const sample = samples.find((n) => rules.select(Number(n)) === category) ?? samples.at(-1);
  return fill(forms[sample], { count });
}

function setUp(picker) {
  const words = picker.dataset;
  const counts = JSON.parse(words.suggestionsCount);
  const input = picker.querySelector('input[type="text"]');
  const picked = picker.querySelector("ul.picked");
  const label = document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
  const list = document.createElement("ul");
  list.id = `${input.id}_suggestions`;
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute(
    "aria-label",
    fill(words.suggestionsLabel, { label: label ? label.textContent : input.name }),
  );
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.after(list, status);

  const combobox = new Combobox(input, list, { tabInsertsSuggestions: false });
  let timer = null;
  let request = null;

  function close() {
    clearTimeout(timer);
    if (request) request.abort();
    list.hidden = true;
    combobox.stop();
  }

  function show(found) {
    const already = new Set(Array.from(picked.querySelectorAll("input"), (box) => box.value));
    const records = found.filter((record) => !already.has(record.slug));
    list.replaceChildren(
      ...records.map((record, index) => {
        const option = document.createElement("li");
        option.id = `${list.id}_${index}`;
        option.setAttribute("role", "option");
        option.dataset.slug = record.slug;
        option.textContent = record.acronym ? `${record.name} (${record.acronym})` : record.name;
        return option;
      }),
    );
    if (document.activeElement !== input) return; // answered after the reader moved on
    if (records.length) {
      status.textContent = counted(counts, records.length);
      list.hidden = false;
      combobox.start();
    } else {
      status.textContent = found.length ? words.noMoreMatches : words.noMatches;
      close();
    }
  }

  async function suggest() {
    const typed = input.value.trim();
    if (typed.length < 2) {
      status.textContent = "";
      return close();
    }
    if (request) request.abort();
    request = new AbortController();
    const url = new URL(picker.dataset.source, window.location.href);
    url.search = new URLSearchParams({
      name: typed,
      ordering: "name",
      page_size: SHOWN,
      fields: picker.dataset.fields,
    });
    try {
      const response = await fetch(url, {
        headers: { Accept: "application/json" },
        signal: request.signal,
      });
      // On any failure the text box still takes a name, as without this file.
      if (!response.ok) return close();
      show((await response.json()).results);
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  }

  function pick(option) {
    const slug = option.dataset.slug;
    const already = Array.from(picked.querySelectorAll("input")).some((box) => box.value === slug);
    if (!already) {
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = input.name;
      box.value = slug;
      box.checked = true;
      const boxLabel = document.createElement("label");
      boxLabel.append(box, ` ${option.textContent}`);
      const item = document.createElement("li");
      item.append(boxLabel);
      picked.append(item);
    }
    input.value = "";
    close();
    status.textContent = fill(words.picked, { name: option.textContent });
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, WAIT_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  input.addEventListener("blur", close);
  // Keeps the focus in the text box while an option is clicked.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("combobox-commit", (event) => pick(event.target));
}

document.querySelectorAll(".picker[data-source]").forEach(setUp);
