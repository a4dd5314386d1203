// Rapport pipeline board: a card is dragged (Pointer Events: mouse, pen and touch alike) or
// moved with the arrow keys while it has focus (← → another stage, ↑ ↓ another place), and
// saved through PATCH /api/v1/deals/{id} with its stage and the card it now follows
// ("after_id", null at the top). The stage heads are then read again from the board the
// server renders, so amounts stay formatted by the server, and each move is announced. A move
// into a won or lost stage is confirmed first. A refused move reads the board again, so the
// page shows what the server holds. Only the cards the user may move (those with a tabindex)
// move. Without this script each card's "Move to…" form does the same through a page.

const board = document.getElementById("board");
if (board && board.dataset.mayMove === "true") start(board);

function start(board) {
  const announcer = document.getElementById("board-announce");
  // The drag under way: its card, pointer, start and where the card came from.
  let drag = null;
  // Moves save one after another, in the order they were made; a refusal starts a new
  // generation, and the moves queued before it are dropped (the board is read again).
  let saving = Promise.resolve();
  let generation = 0;
  // The moves not saved yet, with where each card came from; and whether the board is being
  // read again after a refusal (no move starts meanwhile).
  let pending = [];
  let rereading = false;
  const boardURL = `/sales?pipeline_id=${encodeURIComponent(board.dataset.pipeline)}`;

  board.addEventListener("pointerdown", (event) => {
    const card = event.target.closest(".deal-card");
    if (rereading || !card || !card.hasAttribute("tabindex") || event.button !== 0 || event.target.closest("details, a, button, select, input, label")) return;
    if (drag) finish(drag.pointerId, true);
    event.preventDefault();
    card.focus({ preventScroll: true });
    drag = { card, pointerId: event.pointerId, x: event.clientX, y: event.clientY, origin: placeOf(card), moving: false };
    // On the document, not the card: moving the card in the page loses its pointer capture, and
    // the pointer may be let go anywhere.
    document.addEventListener("pointermove", follow);
    document.addEventListener("pointerup", release);
    document.addEventListener("pointercancel", cancel);
  });

  function follow(event) {
    if (!drag || event.pointerId !== drag.pointerId) return;
    if (!drag.moving && Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < 6) return;
    drag.moving = true;
    drag.card.classList.add("dragging");
    const stage = stageAt(event.clientX, event.clientY);
    for (const each of board.querySelectorAll(".stage.drop-target")) if (each !== stage) each.classList.remove("drop-target");
    if (!stage) return;
    stage.classList.add("drop-target");
    const list = stage.querySelector(".cards");
    const before = cardBelow(list, event.clientY, drag.card);
    if (before) {
      if (drag.card.nextElementSibling !== before) list.insertBefore(drag.card, before);
    } else if (list.lastElementChild !== drag.card) {
      list.append(drag.card);
    }
  }

  function release(event) {
    finish(event.pointerId, false);
  }

  function cancel(event) {
    finish(event.pointerId, true);
  }

  function finish(pointerId, cancelled) {
    if (!drag || pointerId !== drag.pointerId) return;
    const { card, origin, moving } = drag;
    drag = null;
    document.removeEventListener("pointermove", follow);
    document.removeEventListener("pointerup", release);
    document.removeEventListener("pointercancel", cancel);
    card.classList.remove("dragging");
    for (const each of board.querySelectorAll(".stage.drop-target")) each.classList.remove("drop-target");
    if (!moving) return;
    if (cancelled || samePlace(placeOf(card), origin) || !confirmed(card, origin)) {
      restore(card, origin);
      return;
    }
    queue(card, origin);
  }

  board.addEventListener("keydown", (event) => {
    const card = event.target;
    if (rereading || !(card instanceof HTMLElement) || !card.classList.contains("deal-card") || !card.hasAttribute("tabindex")) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const origin = placeOf(card);
    const stage = card.closest(".stage");
    switch (event.key) {
      case "ArrowLeft":
      case "ArrowRight": {
        const next = event.key === "ArrowLeft" ? stage.previousElementSibling : stage.nextElementSibling;
        if (!next || !next.classList.contains("stage")) return;
        next.querySelector(".cards").prepend(card);
        break;
      }
      case "ArrowUp": {
        const above = card.previousElementSibling;
        if (!above) return;
        above.before(card);
        break;
      }
      case "ArrowDown": {
        const below = card.nextElementSibling;
        if (!below) return;
        below.after(card);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    if (!confirmed(card, origin)) {
      restore(card, origin);
      card.focus();
      return;
    }
    card.focus();
    card.scrollIntoView({ block: "nearest", inline: "nearest" });
    queue(card, origin);
  });

  // Saving a move

  // A move saves after those before it, unless one of them was refused since (the board was
  // read again, and this card may be a replaced one).
  function queue(card, origin) {
    const body = placement(card);
    const made = generation;
    const move = { card, origin };
    pending.push(move);
    saving = saving
      .then(() => {
        pending = pending.filter((each) => each !== move);
      })
      .then(() => (made === generation && card.isConnected ? save(card, body, origin) : undefined))
      .catch(() => refused(card, origin, `${card.dataset.title} was not moved.`))
      .catch(() => {});
  }

  // A card put into a won or lost stage from another closes the deal: asked first.
  function confirmed(card, origin) {
    if (card.parentElement === origin.list) return true;
    const stage = card.closest(".stage");
    const closing = stage.classList.contains("kind-won") ? "won" : stage.classList.contains("kind-lost") ? "lost" : null;
    return !closing || window.confirm(`Mark ${card.dataset.title} as ${closing}?`);
  }

  // The card's stage and the card it follows (null: the top), as the API takes them.
  function placement(card) {
    const above = card.previousElementSibling;
    return { stage_id: card.closest(".stage").dataset.stage, after_id: above ? above.dataset.deal : null };
  }

  async function save(card, body, origin) {
    let response;
    let answer = null;
    try {
      response = await fetch(`/api/v1/deals/${encodeURIComponent(card.dataset.deal)}`, {
        method: "PATCH",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": board.dataset.csrf },
        body: JSON.stringify(body),
      });
      answer = await response.json().catch(() => null);
    } catch {
      await refused(card, origin, `Rapport did not answer: ${card.dataset.title} was not moved.`);
      return;
    }
    if (!response.ok) {
      const problem = answer && Array.isArray(answer.errors) ? answer.errors[0] : null;
      const why = (problem ? `${problem.field} ${problem.message}` : (answer && answer.detail) || `the answer was ${response.status}`).replace(/\.+$/, "");
      await refused(card, origin, `${card.dataset.title} was not moved: ${why}.`);
      return;
    }
    const stage = card.closest(".stage");
    const cards = [...stage.querySelectorAll(".deal-card")];
    const select = card.querySelector("select[name=stage_id]");
    if (select) select.value = stage.dataset.stage;
    announce(`${card.dataset.title} moved to ${stage.dataset.name}, ${cards.indexOf(card) + 1} of ${cards.length}.`);
    await refreshTotals();
  }

  // The board as the server now renders it, or null.
  async function boardPage() {
    try {
      const response = await fetch(boardURL, {
        credentials: "same-origin",
        headers: { Accept: "text/html" },
        signal: AbortSignal.timeout(10000),
      });
      return response.ok ? new DOMParser().parseFromString(await response.text(), "text/html") : null;
    } catch {
      return null;
    }
  }

  // The stage heads and the board's figures as the server now renders them.
  async function refreshTotals() {
    const page = await boardPage();
    if (!page) return;
    for (const fresh of page.querySelectorAll(".stage-totals, #open-deals, #open-total, #forecast")) {
      const shown = document.getElementById(fresh.id);
      if (shown) shown.replaceWith(document.importNode(fresh, true));
    }
  }

  // After a refused move: the moves queued before this was known are dropped, a drag under way
  // is cancelled, and the board is read again; when it cannot be read, the refused card and
  // every dropped one go back to where they were, the latest first.
  async function refused(card, origin, words) {
    generation += 1;
    rereading = true;
    if (drag) finish(drag.pointerId, true);
    const dropped = pending;
    pending = [];
    try {
      if (!(await reread(card))) {
        for (const move of dropped.reverse()) restore(move.card, move.origin);
        restore(card, origin);
      }
    } finally {
      rereading = false;
    }
    announce(words);
  }

  // Every column's cards and heads as the server holds them, the focus kept on the card; false
  // when the board could not be read (no answer, or a page without it: signed out).
  async function reread(card) {
    const page = await boardPage();
    if (!page || !page.getElementById("board")) return false;
    for (const fresh of page.querySelectorAll(".stage .cards, .stage-totals, #open-deals, #open-total, #forecast")) {
      const stage = fresh.closest(".stage");
      const shown = fresh.id ? document.getElementById(fresh.id) : stage && document.querySelector(`#${CSS.escape(stage.id)} .cards`);
      if (shown) shown.replaceWith(document.importNode(fresh, true));
    }
    const again = document.getElementById(card.id);
    if (again) again.focus();
    return true;
  }

  // Places

  function placeOf(card) {
    return { list: card.parentElement, next: card.nextElementSibling };
  }

  function samePlace(one, other) {
    return one.list === other.list && one.next === other.next;
  }

  function restore(card, origin) {
    if (origin.next && origin.next.parentElement === origin.list) origin.list.insertBefore(card, origin.next);
    else origin.list.append(card);
  }

  function stageAt(x, y) {
    for (const element of document.elementsFromPoint(x, y)) {
      const stage = element.closest(".stage");
      if (stage && board.contains(stage)) return stage;
    }
    return null;
  }

  // The first card of `list` whose middle is below `y`, other than the one dragged.
  function cardBelow(list, y, dragged) {
    for (const card of list.children) {
      if (card === dragged) continue;
      const box = card.getBoundingClientRect();
      if (y < box.top + box.height / 2) return card;
    }
    return null;
  }

  function announce(words) {
    announcer.textContent = "";
    setTimeout(() => {
      announcer.textContent = words;
    }, 50);
  }
}
