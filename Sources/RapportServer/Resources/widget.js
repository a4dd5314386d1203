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
  if (!saved.visitor) {
    saved.visitor = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
  }
  var session = null;
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

  function start() {
    if (session) { return Promise.resolve(session); }
    var body = { visitor_id: saved.visitor };
    if (script.getAttribute("data-user-id")) {
      body.user_id = script.getAttribute("data-user-id");
      body.user_hash = script.getAttribute("data-user-hash");
    }
    return fetch(origin + "/chat/" + inbox + "/sessions", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    }).then(function (response) { return response.json(); }).then(function (answer) {
      session = answer;
      localStorage.setItem(storageKey, JSON.stringify(saved));
      var query = "?contact=" + encodeURIComponent(session.contact) + "&token=" + encodeURIComponent(session.token);
      fetch(origin + "/chat/" + inbox + "/messages" + query).then(function (r) { return r.json(); })
        .then(function (history) { history.data.forEach(show); });
      var stream = new EventSource(origin + "/chat/" + inbox + "/stream" + query);
      stream.addEventListener("message.created", function (event) { show(JSON.parse(event.data)); });
      return session;
    });
  }

  button.addEventListener("click", function () {
    panel.hidden = !panel.hidden;
    button.setAttribute("aria-expanded", String(!panel.hidden));
    if (!panel.hidden) { start(); input.focus(); }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    input.value = "";
    start().then(function () {
      var id = "c" + Date.now() + Math.random().toString(16).slice(2);
      return fetch(origin + "/chat/" + inbox + "/messages", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ contact: session.contact, token: session.token, client_id: id, text: text })
      });
    });
  });
})();
