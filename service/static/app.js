// The newsroom page: check a text sentence by sentence and show each sentence's sources side by side.
"use strict";

const EXAMPLE = "Azerbaijan launched a military operation in Nagorno-Karabakh on September 19. " +
  "Seven civilians were killed on the first day of the offensive. " +
  "Turkey condemned the operation. " +
  "Russian peacekeepers have been deployed in the region since 2020. " +
  "Azerbaijan hosted the COP29 climate summit.";

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "className") node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

async function checkText(text) {
  const response = await fetch("/check/text", {
    method: "POST",
    headers: {"Content-Type": "application/json", "Accept": "application/json"},
    body: JSON.stringify({text}),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = body.errors ? " " + Object.values(body.errors).flat().join(" ") : "";
    throw new Error((body.detail || `The server answered ${response.status}.`) + fields);
  }
  return body;
}

function figureList(numbers) {
  if (!numbers.length) return null;
  return element("ul", {className: "figures", "aria-label": "Figures in the quote"},
    ...numbers.map((figure) => {
      const label = [figure.qualifier, figure.text, figure.label && `(${figure.label})`]
        .filter(Boolean).join(" ");
      const note = figure.comparison === "differs" ? " — differs from the statement"
        : figure.comparison === "agrees" ? " — agrees with the statement" : "";
      return element("li", {className: `figure ${figure.comparison || ""}`},
        figure.comparison === "differs" ? element("mark", {}, label) : label,
        note ? element("span", {className: "visually-hidden"}, note) : null);
    }));
}

function sourceCard(item) {
  const source = item.source;
  const meta = [source.publisher, source.published].filter(Boolean).join(", ");
  return element("article", {className: "source"},
    element("div", {}, element("strong", {}, source.title)),
    meta ? element("div", {className: "meta"}, meta) : null,
    element("blockquote", {}, `“${item.quote}”`),
    figureList(item.numbers),
    item.reasons && item.reasons.length
      ? element("div", {className: "meta"}, item.reasons.join("; ")) : null);
}

function side(title, className, items) {
  return element("section", {className: `side ${className}`},
    element("h3", {}, `${title} (${items.length})`),
    ...(items.length ? items.map(sourceCard) : [element("p", {className: "none"}, "No source.")]));
}

function showDetail(sentence) {
  const result = sentence.result;
  const detail = document.getElementById("detail");
  const best = result.matches[0];
  const parts = [
    element("h2", {}, "Sentence"),
    element("p", {}, element("span", {className: `verdict ${result.verdict}`}, result.verdict),
      " ", result.statement),
    element("p", {}, result.summary),
  ];
  if (best) {  // an unverified sentence has no match: its summary says so
    parts.push(
      element("p", {className: "claim"}, "Matched claim: ", element("strong", {}, best.claim.text),
        " ", element("span", {className: "score"}, `(score ${best.score})`)),
      element("div", {className: "sides"},
        side("Supports the statement", "supporting", result.supporting),
        side("Contradicts the statement", "contradicting", result.contradicting)));
  }
  detail.replaceChildren(...parts);
  detail.hidden = false;
}

function renderText(text, sentences) {
  const container = document.getElementById("checked-text");
  const buttons = [];
  let position = 0;
  container.replaceChildren();
  for (const sentence of sentences) {
    if (sentence.start > position) container.append(text.slice(position, sentence.start));
    const button = element("button", {
      type: "button", className: `sentence ${sentence.result.verdict}`, "aria-pressed": "false",
      "aria-label": `${sentence.result.verdict}: ${sentence.result.statement}`,
    }, text.slice(sentence.start, sentence.end));
    button.addEventListener("click", () => {
      buttons.forEach((other) => other.setAttribute("aria-pressed", "false"));
      button.setAttribute("aria-pressed", "true");
      showDetail(sentence);
    });
    buttons.push(button);
    container.append(button);
    position = sentence.end;
  }
  if (position < text.length) container.append(text.slice(position));
  return buttons;
}

function counts(sentences) {
  const tally = {};
  for (const sentence of sentences) tally[sentence.result.verdict] = (tally[sentence.result.verdict] || 0) + 1;
  return Object.entries(tally).map(([verdict, n]) => `${n} ${verdict}`).join(", ");
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("check-form");
  const textarea = document.getElementById("text");
  const status = document.getElementById("status");
  let latest = 0;  // the check whose answer may still be shown; older answers are dropped

  function say(message, isError = false) {
    status.className = isError ? "error" : "";
    status.textContent = message;
  }

  function clearResults() {
    latest += 1;
    document.getElementById("results").hidden = true;
    document.getElementById("checked-text").replaceChildren();
    const detail = document.getElementById("detail");
    detail.hidden = true;
    detail.replaceChildren();
    say("");
  }

  document.getElementById("example-button").addEventListener("click", () => {
    clearResults();
    textarea.value = EXAMPLE;
    textarea.removeAttribute("aria-invalid");
    textarea.focus();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = textarea.value;
    if (!text.trim()) {
      textarea.setAttribute("aria-invalid", "true");
      textarea.focus();
      say("Nothing to check: paste a statement or an article into the box first.", true);
      return;
    }
    textarea.removeAttribute("aria-invalid");
    const check = ++latest;
    say("Checking…");
    try {
      const body = await checkText(text);
      if (check !== latest) return;
      document.getElementById("results").hidden = false;
      document.getElementById("detail").hidden = true;
      const buttons = renderText(text, body.sentences);
      say(`${body.sentences.length} sentence(s) checked: ${counts(body.sentences)}.`);
      const first = body.sentences.findIndex((s) => s.result.verdict !== "unverified");
      if (buttons.length) buttons[first >= 0 ? first : 0].click();
    } catch (error) {
      if (check === latest) say(error.message, true);
    }
  });
});
