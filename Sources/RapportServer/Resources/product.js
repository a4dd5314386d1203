// Rapport product snippet: a product's approved reviews and rating, the same as schema.org
// JSON-LD in the page, and the phone's own AR viewer for its 3D files. Embed on a product page:
//   <div id="rapport-product"></div>
//   <script src="https://crm.example.com/product.js" data-workspace="wsp_…" data-product="…"
//           data-key="rwk_…" async></script>
// data-product is Rapport's product id or the shop's own; data-key, a browser key, lets the
// snippet record `AR Viewed` and `3D Viewed`; data-target names another element to fill.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var workspace = script.getAttribute("data-workspace");
  var product = script.getAttribute("data-product");
  // Only a browser key: a server key in a page would be anyone's (Rapport refuses it there too).
  var key = /^rwk_/.test(script.getAttribute("data-key") || "") ? script.getAttribute("data-key") : null;
  if (!workspace || !product) { return; }
  var origin = new URL(script.src).origin;
  var target = document.getElementById(script.getAttribute("data-target") || "rapport-product");
  if (!target) {
    target = document.createElement("section");
    script.parentNode.insertBefore(target, script.nextSibling);
  }
  target.classList.add("rapport-product");

  // @include snippet-common.js

  function stars(rating) {
    var whole = Math.max(0, Math.min(5, Math.round(rating)));
    var shown = element("span", "★★★★★".slice(0, whole) + "☆☆☆☆☆".slice(0, 5 - whole), "color:#b7791f;letter-spacing:1px");
    shown.setAttribute("aria-hidden", "true");
    return shown;
  }

  // One Segment `track` call; `keepalive` lets it finish while the phone opens its viewer. A
  // browser that refuses `keepalive` with a preflight gets the same call without it (the same
  // messageId, so a call that did arrive is stored once).
  function track(event, properties) {
    if (!key) { return; }
    var call = {
      method: "POST", keepalive: true,
      headers: { "Authorization": "Basic " + btoa(key + ":"), "Content-Type": "application/json" },
      body: JSON.stringify({
        type: "track", event: event, anonymousId: anonymousID(), messageId: randomID(), timestamp: new Date().toISOString(),
        properties: properties, context: { page: { url: location.href, title: document.title } }
      })
    };
    fetch(origin + "/v1/track", call).catch(function () {
      call.keepalive = false;
      return fetch(origin + "/v1/track", call);
    }).catch(function () { /* an event lost is not the shopper's problem */ });
  }

  function model(data, format) {
    for (var index = 0; index < data.models.length; index++) {
      if (data.models[index].format === format) { return data.models[index]; }
    }
    return null;
  }

  function viewed(data, event, format, viewer) {
    return function () {
      track(event, { product_id: data.product_ref, name: data.product, format: format, viewer: viewer });
    };
  }

  // Scene Viewer through the Google app, as Google documents it for web pages; without the
  // app the phone opens the fallback (the review page).
  function sceneViewerLink(data, file, mode) {
    var query = "file=" + encodeURIComponent(file.url) + "&mode=" + mode + "&title=" + encodeURIComponent(data.product);
    return "intent://arvr.google.com/scene-viewer/1.0?" + query +
      "#Intent;scheme=https;package=com.google.android.googlequicksearchbox;action=android.intent.action.VIEW;" +
      "S.browser_fallback_url=" + encodeURIComponent(data.url) + ";end;";
  }

  // The platform's own viewer, no WebGL library: AR Quick Look where Safari supports rel="ar"
  // (the link holds only an image, as Quick Look requires), Scene Viewer on Android.
  function views(data) {
    var box = element("p", null, "display:flex;gap:12px;align-items:center;flex-wrap:wrap;margin:8px 0");
    box.className = "rapport-views";
    var probe = document.createElement("a");
    var quickLook = probe.relList && probe.relList.supports && probe.relList.supports("ar");
    var usdz = model(data, "usdz");
    var glb = model(data, "glb");
    if (usdz && quickLook) {
      var link = document.createElement("a");
      link.rel = "ar";
      link.href = usdz.url;
      link.className = "rapport-ar";
      var picture = document.createElement("img");
      picture.src = data.image || origin + "/assets/favicon.svg";
      picture.alt = "View " + data.product + " in your space";
      picture.style.cssText = "max-width:96px;max-height:96px";
      link.append(picture);
      link.addEventListener("click", viewed(data, "AR Viewed", "usdz", "quick_look"));
      box.append(link, element("span", "View in your space"));
    } else if (glb && /android/i.test(navigator.userAgent)) {
      var ar = element("a", "View in your space");
      ar.href = sceneViewerLink(data, glb, "ar_preferred");
      ar.className = "rapport-ar";
      ar.addEventListener("click", viewed(data, "AR Viewed", "glb", "scene_viewer"));
      var threeD = element("a", "View in 3D");
      threeD.href = sceneViewerLink(data, glb, "3d_only");
      threeD.className = "rapport-3d";
      threeD.addEventListener("click", viewed(data, "3D Viewed", "glb", "scene_viewer"));
      box.append(ar, threeD);
    }
    return box.childNodes.length ? box : null;
  }

  function review(item) {
    var entry = element("li", null, "margin:12px 0;padding-top:12px;border-top:1px solid #e2e4ea");
    entry.className = "rapport-review";
    var heading = element("p", null, "margin:0");
    heading.append(stars(item.rating), element("span", " " + item.rating + " of 5", "position:absolute;left:-9999px"));
    if (item.title) { heading.append(" ", element("strong", item.title)); }
    entry.append(heading);
    if (item.body) { entry.append(element("p", item.body, "margin:4px 0;white-space:pre-wrap")); }
    var byline = item.author + " · " + item.created_at.slice(0, 10) + (item.verified ? " · Verified buyer" : "");
    entry.append(element("p", byline, "margin:4px 0;color:#555;font-size:.9em"));
    item.photos.forEach(function (photo) {
      var image = document.createElement("img");
      image.src = photo.url;
      image.alt = photo.alt || "Photo from " + item.author;
      image.loading = "lazy";
      image.style.cssText = "max-width:120px;max-height:120px;margin-right:6px";
      entry.append(image);
    });
    if (item.reply) { entry.append(element("p", "The shop replied: " + item.reply, "margin:4px 0 0 12px;color:#333")); }
    return entry;
  }

  function render(data) {
    target.textContent = "";
    var shownViews = views(data);
    if (shownViews) { target.append(shownViews); }
    var heading = element("h2", "Reviews", "font-size:1.2em;margin:12px 0 4px");
    target.append(heading);
    var summary = element("p", null, "margin:0 0 8px");
    summary.className = "rapport-summary";
    if (data.review_count > 0) {
      summary.append(stars(data.average), " " + data.average.toFixed(1) + " out of 5 · " + data.review_count +
        (data.review_count === 1 ? " review" : " reviews"));
    } else {
      summary.textContent = "No reviews yet.";
    }
    target.append(summary);
    var list = element("ol", null, "list-style:none;margin:0;padding:0");
    data.reviews.forEach(function (item) { list.append(review(item)); });
    target.append(list);
    var all = element("a", "All reviews");
    all.href = data.url;
    var footer = element("p");
    footer.append(all);
    target.append(footer);
    // The rating and reviews for search engines, as on Rapport's own review page, describing
    // this page: its canonical address, or its own.
    if (data.review_count > 0) {
      var canonical = document.querySelector("link[rel=canonical]");
      data.json_ld.url = canonical ? canonical.href : location.href.split("#")[0];
      var markup = document.createElement("script");
      markup.type = "application/ld+json";
      // Escaped as Rapport's own page escapes it, should the shop's page ever be written out as HTML.
      markup.textContent = JSON.stringify(data.json_ld).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
      document.head.append(markup);
    }
  }

  fetch(origin + "/reviews/" + encodeURIComponent(workspace) + "/" + encodeURIComponent(product) + "/data")
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) { if (data) { render(data); } })
    .catch(function () { /* the product page stands without its reviews */ });
})();
