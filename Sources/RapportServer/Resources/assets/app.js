// Rapport workspace: live updates, keyboard shortcuts and the canned-response picker.
// Every page works without this script; it only makes the inbox quicker to use.

const inbox = document.querySelector(".inbox");

for (const select of document.querySelectorAll("select[data-autosubmit]")) {
  select.addEventListener("change", () => select.form.requestSubmit());
}

if (inbox) {
  scrollThreadToEnd();
  connectLive();
  setUpShortcuts();
  setUpComposer();
}

function scrollThreadToEnd() {
  const messages = document.getElementById("messages");
  if (messages) messages.scrollTop = messages.scrollHeight;
}

// New messages, delivery ticks and changed conversations arrive over Server-Sent Events;
// the list and the open thread are fetched again (at most every 300 ms), the composer is kept.
function connectLive() {
  const current = inbox.dataset.conversation;
  const query = inbox.dataset.query || "";
  let listTimer = null;
  let threadTimer = null;
  const refreshList = () => {
    clearTimeout(listTimer);
    listTimer = setTimeout(async () => {
      const separator = query ? "&" : "?";
      const html = await fetchText(`/inbox/list${query}${current ? `${separator}selected=${current}` : ""}`);
      if (html !== null) document.getElementById("conversation-list").innerHTML = html;
    }, 300);
  };
  const refreshThread = () => {
    clearTimeout(threadTimer);
    threadTimer = setTimeout(async () => {
      const html = await fetchText(`/inbox/${current}/thread${query}`);
      if (html === null) return;
      const fresh = new DOMParser().parseFromString(html, "text/html");
      const messages = document.getElementById("messages");
      const atEnd = messages.scrollHeight - messages.scrollTop - messages.clientHeight < 80;
      for (const selector of ["#messages", ".thread-head", ".customer-pane"]) {
        const next = fresh.querySelector(selector);
        const now = document.querySelector(selector);
        if (next && now && !now.contains(document.activeElement)) now.replaceWith(next);
      }
      for (const select of document.querySelectorAll(".thread-head select[data-autosubmit]")) {
        select.addEventListener("change", () => select.form.requestSubmit());
      }
      if (atEnd) scrollThreadToEnd();
    }, 300);
  };
  const source = new EventSource(inbox.dataset.live);
  // What changed between rendering the page and (re)connecting the stream is fetched once.
  source.addEventListener("open", () => {
    refreshList();
    if (current) refreshThread();
  });
  const onChange = (event) => {
    let data = {};
    try { data = JSON.parse(event.data); } catch { return; }
    refreshList();
    const conversationID = data.conversation_id || data.id;
    if (current && conversationID === current) refreshThread();
  };
  for (const type of ["message.created", "message.updated", "conversation.created", "conversation.updated"]) {
    source.addEventListener(type, onChange);
  }
}

async function fetchText(url) {
  try {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (response.redirected || !response.ok) return null;
    return await response.text();
  } catch {
    return null;
  }
}

function setUpShortcuts() {
  const help = document.getElementById("shortcuts");
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest("input, textarea, select, [contenteditable]")) {
      if (event.key === "Escape") target.blur();
      return;
    }
    const text = document.getElementById("composer-text");
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "r":
        if (!text) return;
        text.closest("form").classList.remove("note-mode");
        text.focus();
        break;
      case "n":
        if (!text) return;
        text.closest("form").classList.add("note-mode");
        text.focus();
        break;
      case "e": click('[data-shortcut="e"]'); break;
      case "a": click('[data-shortcut="a"]'); break;
      case "?": if (help) help.showModal(); break;
      default: return;
    }
    event.preventDefault();
  });
}

function click(selector) {
  const button = document.querySelector(selector);
  if (button) button.click();
}

function move(step) {
  const links = [...document.querySelectorAll(".conversation-item a")];
  if (links.length === 0) return;
  const index = links.findIndex((link) => link.getAttribute("aria-current") === "true");
  const next = links[Math.min(Math.max(index + step, 0), links.length - 1)];
  if (index === -1) links[0].click(); else if (next) next.click();
}

// The composer: Ctrl+Enter sends (a note in note mode); "/" at the start of a line opens the
// canned responses, filtered as you type, ↑ ↓ to choose, Enter or Tab to insert, Esc to close.
function setUpComposer() {
  const form = document.getElementById("composer");
  const text = document.getElementById("composer-text");
  const list = document.getElementById("canned");
  if (!form || !text || !list) return;
  const options = [...list.querySelectorAll("li")];
  let shown = [];
  let active = 0;

  const token = () => {
    const before = text.value.slice(0, text.selectionStart);
    const match = before.match(/(^|\n)\/([\w-]*)$/);
    return match ? { start: before.length - match[2].length - 1, code: match[2].toLowerCase() } : null;
  };
  const close = () => { list.hidden = true; shown = []; };
  const highlight = () => shown.forEach((option, index) => option.setAttribute("aria-selected", String(index === active)));
  const insert = (option) => {
    const found = token();
    if (!found) return close();
    const content = option.dataset.content;
    text.value = text.value.slice(0, found.start) + content + text.value.slice(text.selectionStart);
    const caret = found.start + content.length;
    text.setSelectionRange(caret, caret);
    close();
    text.focus();
  };

  text.addEventListener("input", () => {
    const found = token();
    if (!found) return close();
    shown = options.filter((option) => {
      const matches = option.dataset.code.toLowerCase().startsWith(found.code);
      option.hidden = !matches;
      return matches;
    });
    if (shown.length === 0) return close();
    active = 0;
    list.hidden = false;
    highlight();
  });
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      const mode = form.classList.contains("note-mode") ? "note" : "reply";
      form.requestSubmit(form.querySelector(`button[name="mode"][value="${mode}"]`));
      return;
    }
    if (list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      active = (active + (event.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
      highlight();
      event.preventDefault();
    } else if (event.key === "Enter" || event.key === "Tab") {
      insert(shown[active]);
      event.preventDefault();
    } else if (event.key === "Escape") {
      close();
      event.preventDefault();
      event.stopPropagation();
    }
  });
  for (const option of options) {
    option.addEventListener("mousedown", (event) => { event.preventDefault(); insert(option); });
  }
  text.addEventListener("blur", () => setTimeout(close, 150));
}
