// The curation page: proposals for a source (POST /sources/{id}/extract and /align), reviewed
// with the keyboard. Accepting one is the ordinary write (POST /claims, POST /claims/{id}/evidence);
// marked claims are accepted together as `crosscheck import` lines: a dry run of POST /imports
// previews them line by line, then one POST /imports, under an Idempotency-Key, stores them.
"use strict";

const $ = (selector) => document.querySelector(selector);
const state = {items: [], current: -1, text: "", sourceRef: null, version: 0, preview: null,
               busy: false};

function headers() {
  return {"Content-Type": "application/json", "X-API-Key": $("#key").value.trim()};
}

// Field messages of a problem's `errors`, however nested, as "evidence.0.quote: message".
function fieldMessages(errors, path = []) {
  if (errors === null || errors === undefined) return [];
  if (Array.isArray(errors)) return errors.flatMap((message) => fieldMessages(message, path));
  if (typeof errors === "object") {
    return Object.entries(errors).flatMap(([name, value]) =>
      fieldMessages(value, name === "_schema" ? path : [...path, name]));
  }
  return [path.length ? `${path.join(".")}: ${errors}` : String(errors)];
}

// A problem+json answer as a person reads it: its detail, then what each field is refused for.
function problemText(status, body) {
  const detail = typeof body.detail === "string" && body.detail ? body.detail
    : `The server answered ${status}.`;
  return [detail, ...fieldMessages(body.errors)].join(" ");
}

async function call(method, path, body, extraHeaders = {}) {
  let response;
  try {
    response = await fetch(path, {method, headers: {...headers(), ...extraHeaders},
                                  body: body === undefined ? undefined : body});
  } catch (error) {
    throw new Error(`The server could not be reached (${error.message}).`);
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(problemText(response.status, data));
  return data;
}

const json = (value) => JSON.stringify(value);

function say(message, isError = false) {
  $("#status").textContent = message;
  $("#status").classList.toggle("error", isError);
}

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
  const created = await call("POST", "/sources", json({title: $("#title").value,
                                                       text: $("#source-text").value}));
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

function claimCard(proposal) {
  const node = element("li", "proposal");
  const box = element("input", "mark-box");
  box.type = "checkbox";
  box.setAttribute("aria-label", "Marked for bulk accept");
  node.append(box, element("div", "refusal"), element("div", "claim", proposal.claim),
              figureChips(proposal.figures));
  node.append(element("div", "meta", [
    `check-worthiness ${proposal.check_worthiness}`,
    proposal.speaker && `said by ${proposal.speaker}`,
    proposal.entities.length ? proposal.entities.join(", ") : ""].filter(Boolean).join(" · ")));
  return node;
}

function renderLists(proposals, alignments) {
  $("#proposal-list").replaceChildren();
  $("#alignment-list").replaceChildren();
  for (const proposal of proposals) {
    const node = claimCard(proposal);
    $("#proposal-list").append(node);
    const item = {...proposal, node, kind: "claim", text: proposal.claim, edited: false,
                  marked: false};
    node.querySelector(".mark-box").addEventListener("change", (event) =>
      setMark(item, event.target.checked));
    state.items.push(item);
  }
  for (const alignment of alignments) {
    const node = element("li", `proposal ${alignment.stance}`);
    node.append(element("div", "claim", `${alignment.stance} “${alignment.claim.text}”`));
    node.append(element("div", "meta", `by ${alignment.decided_by}: “${alignment.quote}”`));
    $("#alignment-list").append(node);
    state.items.push({...alignment, node, kind: "evidence"});
  }
  state.items.forEach((item, index) => item.node.addEventListener("click", () => select(index)));
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
  item.mark?.scrollIntoView({block: "nearest"});  // the text scrolls beside the proposals
}

const current = () => state.items[state.current];
const open = (item) => item.kind === "claim" && !item.decided;

// Something the preview covered changed: count again, and a preview no longer stands for it.
function changed() {
  state.version += 1;
  const claims = state.items.filter((item) => item.kind === "claim");
  const count = (test) => state.items.filter(test).length;
  $("#counts").textContent = [
    `${count((item) => item.decided === "accepted")} accepted`,
    `${count((item) => item.edited)} edited`,
    `${count((item) => item.decided === "rejected")} rejected`,
    `${claims.filter((item) => open(item) && item.marked).length} marked`,
    `${count((item) => !item.decided)} of ${state.items.length} left`].join(" · ");
  $("#commit-button").disabled = !previewStands();
}

const previewStands = () => Boolean(state.preview) && state.preview.version === state.version;

function decided(item, outcome) {
  item.decided = outcome;
  item.node.classList.add(outcome);
  item.mark?.classList.add(outcome);
  item.node.querySelector(".mark-box")?.setAttribute("disabled", "");
}

function showRefusal(item, reason) {
  item.refusal = reason;
  const node = item.node.querySelector(".refusal");
  node.textContent = reason ? `Refused: ${reason}` : "";
  item.node.classList.toggle("refused", Boolean(reason));
}

async function decide(accept) {
  const item = current();
  if (!item || item.decided) return;
  try {
    if (accept && item.kind === "claim") {
      await call("POST", "/claims", json({...item.accept, text: item.text}));
    }
    if (accept && item.kind === "evidence") {
      await call("POST", `/claims/${item.claim.id}/evidence`, json(item.evidence));
    }
    const outcome = accept ? "accepted" : "rejected";
    decided(item, outcome);
    showRefusal(item, null);
    changed();
    say(`${outcome}: ${state.items.filter((i) => i.decided).length} of ${state.items.length} reviewed`);
    select(state.current + 1);
  } catch (error) {
    if (item.kind === "claim") showRefusal(item, error.message);
    say(`Not stored: ${error.message}`, true);
  }
}

// Edit the current claim's text in place: Enter keeps the edit, Esc the text as it was.
function edit() {
  const item = current();
  if (!item) return;
  if (!open(item)) {
    say(item.kind === "claim" ? `This proposal is already ${item.decided}.` :
      "Only a proposed claim's text is edited here: this adds a quote to a stored claim.", true);
    return;
  }
  const shown = item.node.querySelector(".claim");
  const box = element("textarea", "claim-edit");
  box.value = item.text;
  box.rows = 3;
  box.setAttribute("aria-label", "Claim text");
  const finish = (keep) => {
    const text = box.value.trim();
    if (keep && !text) {
      say("A claim's text cannot be blank: type it, or press Esc to keep it as it was.", true);
      return;
    }
    if (keep && text !== item.text) {
      item.text = text;
      item.edited = text !== item.claim;
      showRefusal(item, null);
      changed();
    }
    shown.textContent = item.text;
    item.node.classList.toggle("edited", item.edited);
    box.replaceWith(shown);
    $("#proposals").focus();
    say(keep ? "Edit kept: accepting stores this text." : "Edit cancelled.");
  };
  const editorKeys = {Enter: () => finish(true), Escape: () => finish(false)};
  box.addEventListener("keydown", (event) => {
    if (!editorKeys[event.key] || event.shiftKey) return;
    event.preventDefault();
    editorKeys[event.key]();
  });
  shown.replaceWith(box);
  box.focus();
  say("Editing: Enter keeps the edit, Esc cancels it.");
}

function setMark(item, marked) {
  if (!open(item)) return;
  item.marked = marked;
  item.node.classList.toggle("marked", marked);
  item.node.querySelector(".mark-box").checked = marked;
  changed();
}

function toggleMark() {
  const item = current();
  if (item && !open(item)) {
    say(item.kind === "claim" ? `This proposal is already ${item.decided}.` :
      "Only proposed claims are accepted in bulk; accept this one with a.", true);
    return;
  }
  if (item) setMark(item, !item.marked);
}

function markAllRemaining() {
  state.items.filter(open).forEach((item) => setMark(item, true));
  say(`${state.items.filter((item) => open(item) && item.marked).length} claims marked: ` +
      "p previews them.");
}

// A claim as a `crosscheck import` line: its source named by ref, the text as edited.
function importLine(item) {
  return {ref: item.accept.ref, text: item.text, evidence: item.accept.evidence.map(
    ({source_id: _, ...evidence}) => ({source: state.sourceRef, ...evidence}))};
}

// 32 random hex digits (crypto.randomUUID needs a secure context; this does not).
function newKey() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)),
                    (byte) => byte.toString(16).padStart(2, "0")).join("");
}

const OUTCOMES = {
  preview: {added: () => "would be added", updated: (id) => `would update claim ${id}`,
            unchanged: (id) => `already stored as claim ${id}`},
  stored: {added: (id) => `added as claim ${id}`, updated: (id) => `updated claim ${id}`,
           unchanged: (id) => `already stored as claim ${id}`},
};

// The report of an import beside its lines; each proposal shows why it was refused, if it was.
function showReport(batch, report, stage) {
  const refused = report.lines.filter((line) => line.outcome === "refused").length;
  const heading = stage === "preview"
    ? `Preview (a dry run, nothing stored): ${batch.items.length - refused} would be stored, ` +
      `${refused} refused. c commits them.`
    : `Stored: ${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged, ` +
      `${refused} refused.`;
  const list = element("ol", "report-lines");
  for (const line of report.lines) {
    const item = batch.items[line.line - 1];
    const outcome = line.outcome === "refused" ? `refused: ${line.reason}`
      : OUTCOMES[stage][line.outcome](line.claim_id);
    const row = element("li", `report-line ${line.outcome}`);
    row.append(element("span", "outcome", outcome), element("span", "line-claim", item.text));
    row.addEventListener("click", () => select(state.items.indexOf(item)));
    list.append(row);
    showRefusal(item, line.outcome === "refused" ? line.reason : null);
    if (stage === "stored" && line.outcome !== "refused") decided(item, "accepted");
  }
  $("#report-heading").textContent = heading;
  $("#report").replaceChildren(list);
  $("#bulk-report").hidden = false;
}

async function preview() {
  const items = state.items.filter((item) => open(item) && item.marked);
  if (!items.length) {
    say("Nothing is marked: x marks the current claim, A marks all remaining.", true);
    return;
  }
  say(`Previewing ${items.length} claims…`);
  const body = json(items.map(importLine));
  try {
    const report = await call("POST", "/imports?dry_run=true", body);
    state.preview = {items, body, key: newKey(), version: state.version};
    showReport(state.preview, report, "preview");
    $("#commit-button").disabled = false;
    say(`Previewed ${items.length} claims: nothing is stored until you commit (c).`);
  } catch (error) {
    say(`Could not preview: ${error.message}`, true);
  }
}

// One POST /imports of exactly the previewed body. Its Idempotency-Key stays with the batch
// until it is answered, so pressing again after a lost answer cannot store it twice.
async function commit() {
  if (state.busy) return;
  if (!previewStands()) {
    say(state.preview ? "The marked claims changed since the preview: p previews them again."
      : "Preview the marked claims first (p): commit stores what the preview showed.", true);
    return;
  }
  const batch = state.preview;
  state.busy = true;
  say(`Storing ${batch.items.length} claims…`);
  try {
    const report = await call("POST", "/imports", batch.body, {"Idempotency-Key": `"${batch.key}"`});
    state.preview = null;
    showReport(batch, report, "stored");
    changed();
    say(`Stored: ${report.added + report.updated + report.unchanged} accepted, ` +
        `${report.refused} refused.`);
  } catch (error) {
    say(`Not stored, or not known whether it was: ${error.message} Press c to try again: ` +
        "the same import is never stored twice.", true);
  } finally {
    state.busy = false;
  }
}

// Every key the page answers to, with what it does; the help on the page is made from this.
const KEYS = [
  ["j", "next proposal", () => select(state.current + 1)],
  ["k", "previous proposal", () => select(state.current - 1)],
  ["a", "accept the current one (stored at once)", () => decide(true)],
  ["r", "reject the current one", () => decide(false)],
  ["e", "edit the current claim's text", edit],
  ["Enter", "while editing: keep the edit", null],
  ["Esc", "while editing: cancel the edit", null],
  ["x", "mark or unmark the current claim for bulk accept", toggleMark],
  ["A", "mark all remaining claims", markAllRemaining],
  ["p", "preview the marked claims (dry run: nothing is stored)", preview],
  ["c", "commit the previewed claims in one import", commit],
];

function renderKeyHelp() {
  const help = $("#key-help");
  for (const [key, what] of KEYS) {
    const term = element("dt");
    term.append(element("kbd", "", key));
    const row = element("div");
    row.append(term, element("dd", "", what));
    help.append(row);
  }
}

async function propose(event) {
  event.preventDefault();
  say("Proposing…");
  try {
    const id = await sourceId();
    // One after the other: two extractions at once in one server process can disagree.
    const extracted = await call("POST", `/sources/${id}/extract`);
    const aligned = await call("POST", `/sources/${id}/align`);
    const source = await call("GET", `/sources/${id}`);
    Object.assign(state, {text: source.text, sourceRef: source.ref, items: [], current: -1,
                          preview: null});
    renderLists(extracted.proposals, aligned.alignments);
    renderText();
    $("#bulk-report").hidden = true;
    $("#review").hidden = false;
    changed();
    const disagreements = aligned.alignments.filter((a) => a.stance === "contradicts").length;
    say(`${extracted.proposals.length} claims proposed; ${aligned.alignments.length} stored ` +
        `claims addressed, ${disagreements} of them contradicted`);
    select(0);
    $("#proposals").focus();
  } catch (error) {
    say(`Could not propose: ${error.message}`, true);
  }
}

// Keys act on the proposals unless the editor is typing in a field.
function typing(target) {
  return ["TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable ||
    (target.tagName === "INPUT" && !["checkbox", "button", "submit"].includes(target.type));
}

const keyActions = Object.fromEntries(KEYS.filter(([, , act]) => act).map(([key, , act]) => [key, act]));
document.addEventListener("keydown", (event) => {
  if (typing(event.target) || $("#review").hidden || event.ctrlKey || event.metaKey || event.altKey) {
    return;
  }
  if (keyActions[event.key]) { event.preventDefault(); keyActions[event.key](); }
});
$("#source-form").addEventListener("submit", propose);
$("#mark-all-button").addEventListener("click", markAllRemaining);
$("#preview-button").addEventListener("click", preview);
$("#commit-button").addEventListener("click", commit);
renderKeyHelp();
loadSources().catch((error) => say(`Could not list sources: ${error.message}`, true));
