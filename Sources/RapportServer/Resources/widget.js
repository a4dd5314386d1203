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

  function show(message) {
    if (seen[message.id]) { return; }
    seen[message.id] = true;
    var item = document.createElement("li");
    item.textContent = message.text || "";
    var mine = message.from === "you";
    item.style.cssText = "margin:6px 0;padding:8px 10px;border-radius:10px;max-width:80%;white-space:pre-wrap;" +
      (mine ? "margin-left:auto;background:#1f4fd1;color:#fff" : "background:#eef0f6");
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

  // Server-Sent Events read with fetch (EventSource cannot send a header); when the stream
  // ends (the session expired, the server restarted) the session is renewed and it reconnects.
  function listen() {
    fetch(origin + "/chat/" + inbox + "/stream", { headers: authorized() }).then(function (response) {
      if (!response.ok || !response.body) { throw new Error("stream refused: " + response.status); }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var pending = "";
      function read() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { return; }
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
    }).catch(function () { return null; }).then(function () {
      setTimeout(function () { session = null; start().then(listen); }, 3000);
    });
  }

  function start() {
    if (session) { return Promise.resolve(session); }
    if (starting) { return starting; }
    starting = openSession().then(function (opened) {
      starting = null;
      return opened;
    }, function (error) {
      starting = null;
      throw error;
    });
    return starting;
  }

  function begin() {
    return start().then(function () {
      fetch(origin + "/chat/" + inbox + "/messages", { headers: authorized() }).then(function (r) { return r.json(); })
        .then(function (history) { history.data.forEach(show); });
      listen();
    });
  }

  button.addEventListener("click", function () {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
    if (!panel.hidden && !opened) { opened = true; begin(); }
    if (!panel.hidden) { input.focus(); }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    var id = "c" + Date.now() + Math.random().toString(16).slice(2);
    function post() {
      return fetch(origin + "/chat/" + inbox + "/messages", {
        method: "POST", headers: authorized({ "Content-Type": "application/json" }),
        body: JSON.stringify({ client_id: id, text: text })
      });
    }
    start().then(post).then(function (response) {
      if (response.status !== 401) { return response; }
      session = null;
      return start().then(post);
    });
  });
})();
