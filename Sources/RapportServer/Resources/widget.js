// Rapport web chat widget. Embed with:
//   <script src="https://crm.example.com/widget.js" data-inbox="inb_…" async></script>
// Signed-in shoppers: add data-user-id and data-user-hash (hex HMAC-SHA256 of the user id
// under the inbox's identity_secret, computed by the shop's server) to join their profile.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var inbox = script.getAttribute("data-inbox");
  var origin = new URL(script.src).origin;
  var storageKey = "rapport_chat_" + inbox;
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(storageKey) || "{}"); } catch (error) { saved = {}; }
  var session = null;
  var starting = null;
  var opened = false;
  var listening = false;
  var seen = {};

  var button = document.createElement("button");
  button.type = "button";
  button.textContent = "Chat with us";
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = "position:fixed;right:20px;bottom:20px;z-index:2147483000;padding:12px 18px;border:0;border-radius:24px;background:#1f4fd1;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer";
  var panel = document.createElement("section");
  panel.setAttribute("aria-label", "Chat");
  panel.hidden = true;
  panel.style.cssText = "position:fixed;right:20px;bottom:76px;z-index:2147483000;width:320px;max-width:calc(100vw - 40px);height:420px;display:flex;flex-direction:column;background:#fff;color:#111;border:1px solid #ccd;border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.18);font:14px system-ui,sans-serif";
  var log = document.createElement("ol");
  log.setAttribute("aria-live", "polite");
  log.style.cssText = "flex:1;overflow-y:auto;margin:0;padding:12px;list-style:none";
  var form = document.createElement("form");
  form.style.cssText = "display:flex;border-top:1px solid #dde";
  var label = document.createElement("label");
  label.textContent = "Your message";
  label.style.cssText = "position:absolute;left:-9999px";
  var input = document.createElement("input");
  input.id = "rapport-chat-input";
  label.htmlFor = input.id;
  input.autocomplete = "off";
  input.style.cssText = "flex:1;padding:10px;border:0;font:inherit";
  var send = document.createElement("button");
  send.type = "submit";
  send.textContent = "Send";
  send.style.cssText = "padding:0 14px;border:0;background:#1f4fd1;color:#fff;font:inherit";
  form.append(label, input, send);
  panel.append(log, form);
  document.body.append(panel, button);

  // A survey's question comes as a card: a button per score, which sends that number as the
  // visitor's message. Its buttons work while it is the latest message, as a typed answer does.
  var openCard = null;
  function card(survey) {
    var group = document.createElement("div");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", survey.label || ("Your answer, from " + survey.lowest + " (" + survey.lowest_means + ") to " +
      survey.highest + " (" + survey.highest_means + ")"));
    if (survey.language) group.lang = survey.language;
    group.style.cssText = "display:flex;flex-wrap:wrap;gap:4px;margin-top:8px";
    for (var score = survey.lowest; score <= survey.highest; score++) {
      var choice = document.createElement("button");
      choice.type = "button";
      choice.textContent = String(score);
      choice.setAttribute("data-score", String(score));
      choice.setAttribute("aria-pressed", "false");
      choice.style.cssText = "min-width:32px;padding:6px;border:1px solid #1f4fd1;border-radius:6px;background:#fff;color:#1f4fd1;font:inherit;cursor:pointer";
      choice.addEventListener("click", function (event) {
        var picked = event.currentTarget;
        closeCard(group);
        picked.setAttribute("aria-pressed", "true");
        picked.style.opacity = "1";
        picked.style.background = "#1f4fd1";
        picked.style.color = "#fff";
        // The bot asks for the reason next: the field is where the answer goes.
        input.focus();
        say(picked.getAttribute("data-score")).catch(function () {
          picked.setAttribute("aria-pressed", "false");
          picked.style.background = "#fff";
          picked.style.color = "#1f4fd1";
          // Open again only while nothing came after the question.
          if (log.lastElementChild && log.lastElementChild.contains(group)) { reopenCard(group); }
        });
      });
      group.append(choice);
    }
    var ends = document.createElement("div");
    ends.style.cssText = "display:flex;justify-content:space-between;width:100%;font-size:12px;color:#555";
    var low = document.createElement("span");
    low.textContent = survey.lowest_means;
    var high = document.createElement("span");
    high.textContent = survey.highest_means;
    ends.append(low, high);
    group.append(ends);
    return group;
  }
  function closeCard(group) {
    group.querySelectorAll("button").forEach(function (choice) {
      choice.disabled = true;
      choice.style.cursor = "default";
      choice.style.opacity = "0.5";
    });
  }
  function reopenCard(group) {
    group.querySelectorAll("button").forEach(function (choice) {
      choice.disabled = false;
      choice.style.cursor = "pointer";
      choice.style.opacity = "1";
    });
    openCard = group;
  }

  function show(message) {
    if (seen[message.id]) { return; }
    seen[message.id] = true;
    if (openCard) { closeCard(openCard); openCard = null; }
    var item = document.createElement("li");
    item.textContent = message.text || "";
    var mine = message.from === "you";
    item.style.cssText = "margin:6px 0;padding:8px 10px;border-radius:10px;max-width:80%;white-space:pre-wrap;overflow-wrap:anywhere;" +
      (mine ? "margin-left:auto;background:#1f4fd1;color:#fff" : "background:#eef0f6");
    if (message.survey && !mine) {
      openCard = card(message.survey);
      item.append(openCard);
    }
    log.append(item);
    log.scrollTop = log.scrollHeight;
  }

  function authorized(extra) {
    var headers = { "Authorization": "Bearer " + session.token };
    for (var name in extra || {}) { headers[name] = extra[name]; }
    return headers;
  }

  // A session: Rapport names a new visitor, renews this browser's earlier one (its token, kept
  // in localStorage), or takes the shop's signed user. The token goes in a header, never a URL.
  function openSession() {
    var body = {};
    if (script.getAttribute("data-user-id")) {
      body.user_id = script.getAttribute("data-user-id");
      body.user_hash = script.getAttribute("data-user-hash");
    } else if (saved.token) {
      body.token = saved.token;
    }
    function post(payload) {
      return fetch(origin + "/chat/" + inbox + "/sessions", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload)
      });
    }
    return post(body).then(function (response) {
      if (response.status === 401 && body.token) { return post({}); }
      return response;
    }).then(function (response) {
      if (!response.ok) { throw new Error("chat session refused: " + response.status); }
      return response.json();
    }).then(function (answer) {
      session = answer;
      if (!body.user_id) { saved.token = answer.token; localStorage.setItem(storageKey, JSON.stringify(saved)); }
      return session;
    });
  }

  function expired() {
    return !session || !session.expires_at || Date.parse(session.expires_at) <= Date.now() + 60000;
  }

  // After a failed or ended stream, wait before the next try: doubling up to a minute, at
  // least what Retry-After asks, spread at random so a restart is not met by every widget at once.
  var retryDelay = 1000;
  function retryLater(response) {
    var wait = retryDelay;
    var asked = response ? Number(response.headers.get("Retry-After")) : NaN;
    if (asked > 0) { wait = Math.max(wait, asked * 1000); }
    retryDelay = Math.min(retryDelay * 2, 60000);
    setTimeout(listen, wait / 2 + Math.random() * wait / 2);
  }

  // Server-Sent Events read with fetch (EventSource cannot send a header). The session is
  // renewed only when it has expired or the server refused it.
  function listen() {
    if (expired()) { session = null; }
    start().then(function () {
      return fetch(origin + "/chat/" + inbox + "/stream", { headers: authorized() });
    }).then(function (response) {
      if (response.status === 401) { session = null; return retryLater(null); }
      if (!response.ok || !response.body) { return retryLater(response); }
      retryDelay = 1000;
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var pending = "";
      function read() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { return retryLater(null); }
          pending += decoder.decode(chunk.value, { stream: true });
          var blocks = pending.split("\n\n");
          pending = blocks.pop();
          blocks.forEach(function (block) {
            var type = "", data = "";
            block.split("\n").forEach(function (line) {
              if (line.indexOf("event: ") === 0) { type = line.slice(7); }
              if (line.indexOf("data: ") === 0) { data += line.slice(6); }
            });
            if (type === "message.created" && data) { show(JSON.parse(data)); }
          });
          return read();
        });
      }
      return read();
    }).catch(function () { retryLater(null); });
  }

  function start() {
    if (session) { return Promise.resolve(session); }
    if (starting) { return starting; }
    starting = openSession().then(function (made) {
      starting = null;
      return made;
    }, function (error) {
      starting = null;
      throw error;
    });
    return starting;
  }

  function begin() {
    if (!listening) { listening = true; listen(); }
    start().then(function () {
      return fetch(origin + "/chat/" + inbox + "/messages", { headers: authorized() });
    }).then(function (r) { return r.json(); }).then(function (history) { history.data.forEach(show); })
      .catch(function () { opened = false; });
  }

  button.addEventListener("click", function () {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
    if (!panel.hidden && !opened) { opened = true; begin(); }
    if (!panel.hidden) { input.focus(); }
  });

  // Sends the visitor's message; a renewed session retries it once under the same client id.
  function say(text) {
    var id = "c" + Date.now() + Math.random().toString(16).slice(2);
    function post() {
      return fetch(origin + "/chat/" + inbox + "/messages", {
        method: "POST", headers: authorized({ "Content-Type": "application/json" }),
        body: JSON.stringify({ client_id: id, text: text })
      });
    }
    if (expired()) { session = null; }
    return start().then(post).then(function (response) {
      if (response.status !== 401) { return response; }
      session = null;
      return start().then(post);
    }).then(function (response) {
      if (!response.ok) { throw new Error("not sent: " + response.status); }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    say(text).catch(function () {
      // Not sent: give the text back rather than lose it.
      if (!input.value) { input.value = text; }
    });
  });
})();
