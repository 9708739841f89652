// The curation page: proposals for a source (POST /sources/{id}/extract and /align), reviewed
// with the keyboard; accepting one is the ordinary write (POST /claims, POST /claims/{id}/evidence).
"use strict";

const $ = (selector) => document.querySelector(selector);
const state = {items: [], current: -1, text: ""};

function headers() {
  return {"Content-Type": "application/json", "X-API-Key": $("#key").value.trim()};
}

async function call(method, path, body) {
  const response = await fetch(path, {method, headers: headers(),
                                      body: body === undefined ? undefined : JSON.stringify(body)});
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.detail || `${response.status} ${response.statusText}`);
  return data;
}

function say(message) { $("#status").textContent = message; }

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function loadSources() {
  const pick = $("#source-pick");
  let page = 1, total = Infinity;
  while ((page - 1) * 100 < total) {
    const data = await call("GET", `/sources?per_page=100&page=${page}`);
    total = data.total;
    for (const source of data.items) {
      const option = element("option", "", source.title);
      option.value = source.id;
      pick.append(option);
    }
    page += 1;
  }
}

async function sourceId() {
  if ($("#source-pick").value) return Number($("#source-pick").value);
  const created = await call("POST", "/sources", {title: $("#title").value,
                                                  text: $("#source-text").value});
  return created.id;
}

// The text with every proposal's quote as a highlighted span, in order of position.
function renderText() {
  const view = $("#source-view");
  view.replaceChildren();
  const spans = state.items.filter((item) => item.start !== undefined)
    .sort((one, other) => one.start - other.start);
  let position = 0;
  for (const item of spans) {
    if (item.start < position) continue;  // an alignment's quote may repeat a proposal's
    view.append(document.createTextNode(state.text.slice(position, item.start)));
    item.mark = element("mark", "quote", state.text.slice(item.start, item.end));
    view.append(item.mark);
    position = item.end;
  }
  view.append(document.createTextNode(state.text.slice(position)));
}

function figureChips(figures) {
  const chips = element("div");
  for (const figure of figures) {
    const words = [figure.qualifier, figure.text, figure.label && `(${figure.label})`];
    chips.append(element("span", "figure-chip", words.filter(Boolean).join(" ")));
  }
  return chips;
}

function renderLists(proposals, alignments) {
  $("#proposal-list").replaceChildren();
  $("#alignment-list").replaceChildren();
  for (const proposal of proposals) {
    const node = element("li", "proposal");
    node.append(element("div", "claim", proposal.claim));
    node.append(figureChips(proposal.figures));
    node.append(element("div", "meta", [
      `check-worthiness ${proposal.check_worthiness}`,
      proposal.speaker && `said by ${proposal.speaker}`,
      proposal.entities.length ? proposal.entities.join(", ") : ""].filter(Boolean).join(" · ")));
    $("#proposal-list").append(node);
    state.items.push({...proposal, node, kind: "claim"});
  }
  for (const alignment of alignments) {
    const node = element("li", `proposal ${alignment.stance}`);
    node.append(element("div", "claim", `${alignment.stance} “${alignment.claim.text}”`));
    node.append(element("div", "meta", `by ${alignment.decided_by}: “${alignment.quote}”`));
    $("#alignment-list").append(node);
    state.items.push({...alignment, node, kind: "evidence"});
  }
}

function select(index) {
  if (!state.items.length) return;
  const previous = state.items[state.current];
  if (previous) { previous.node.classList.remove("current"); previous.mark?.classList.remove("current"); }
  state.current = Math.max(0, Math.min(index, state.items.length - 1));
  const item = state.items[state.current];
  item.node.classList.add("current");
  item.mark?.classList.add("current");
  item.node.scrollIntoView({block: "nearest"});
}

async function decide(accept) {
  const item = state.items[state.current];
  if (!item || item.decided) return;
  try {
    if (accept && item.kind === "claim") await call("POST", "/claims", item.accept);
    if (accept && item.kind === "evidence") {
      await call("POST", `/claims/${item.claim.id}/evidence`, item.evidence);
    }
    item.decided = true;
    const outcome = accept ? "accepted" : "rejected";
    item.node.classList.add(outcome);
    item.mark?.classList.add(outcome);
    say(`${outcome}: ${state.items.filter((i) => i.decided).length} of ${state.items.length} reviewed`);
    select(state.current + 1);
  } catch (error) {
    say(`not stored: ${error.message}`);
  }
}

async function propose(event) {
  event.preventDefault();
  say("Proposing…");
  try {
    const id = await sourceId();
    const [extracted, aligned, source] = await Promise.all([
      call("POST", `/sources/${id}/extract`), call("POST", `/sources/${id}/align`),
      call("GET", `/sources/${id}`)]);
    state.text = source.text;
    state.items = [];
    state.current = -1;
    renderLists(extracted.proposals, aligned.alignments);
    renderText();
    $("#review").hidden = false;
    const disagreements = aligned.alignments.filter((a) => a.stance === "contradicts").length;
    say(`${extracted.proposals.length} claims proposed; ${aligned.alignments.length} stored ` +
        `claims addressed, ${disagreements} of them contradicted`);
    select(0);
    $("#proposals").focus();
  } catch (error) {
    say(`Could not propose: ${error.message}`);
  }
}

document.addEventListener("keydown", (event) => {
  if (["INPUT", "TEXTAREA", "SELECT"].includes(event.target.tagName) || $("#review").hidden) return;
  const keys = {j: () => select(state.current + 1), k: () => select(state.current - 1),
                a: () => decide(true), r: () => decide(false)};
  if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
});
$("#source-form").addEventListener("submit", propose);
loadSources().catch((error) => say(`Could not list sources: ${error.message}`));
