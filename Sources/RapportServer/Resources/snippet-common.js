  // Shared by the shop snippets (product.js, form.js): Rapport puts it into each where the
  // snippet names this file (BundledScript), inside the snippet's own function.
  function element(name, text, style) {
    var node = document.createElement(name);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (style) { node.style.cssText = style; }
    return node;
  }

  function randomID() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (byte) { return (byte + 256).toString(16).slice(1); }).join("");
  }

  // The visitor as the shop's own tracking knows them: Segment's analytics.js keeps its
  // anonymous id in localStorage, so what a snippet sends joins the same visitor; otherwise one of ours.
  function anonymousID() {
    try {
      var segment = localStorage.getItem("ajs_anonymous_id");
      if (segment) {
        try { return String(JSON.parse(segment)); } catch (error) { return segment; }
      }
      var own = localStorage.getItem("rapport_anonymous_id");
      if (!own) {
        own = randomID();
        localStorage.setItem("rapport_anonymous_id", own);
      }
      return own;
    } catch (error) {
      return randomID();
    }
  }
