// Rapport pipeline board: a card is dragged (Pointer Events: mouse, pen and touch alike) or
// moved with the arrow keys while it has focus (← → another stage, ↑ ↓ another place), and
// saved through PATCH /api/v1/deals/{id} with the card it now follows ("after_id", null at the
// top) or precedes ("before_id"). The stage heads are then read again from the board the
// server renders, so amounts stay formatted by the server, and each move is announced.
// Without this script each card's "Move to…" form does the same through a page.

const board = document.getElementById("board");
if (board && board.dataset.mayMove === "true") start(board);

function start(board) {
  const announcer = document.getElementById("board-announce");
  // The drag under way: its card, pointer, start and where the card came from.
  let drag = null;
  // Moves save one after another, in the order they were made.
  let saving = Promise.resolve();

  board.addEventListener("pointerdown", (event) => {
    const card = event.target.closest(".deal-card");
    if (!card || event.button !== 0 || event.target.closest("details, a, button, select, input, label")) return;
    event.preventDefault();
    card.setPointerCapture(event.pointerId);
    card.focus({ preventScroll: true });
    drag = { card, pointerId: event.pointerId, x: event.clientX, y: event.clientY, origin: placeOf(card), moving: false };
  });

  board.addEventListener("pointermove", (event) => {
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
  });

  const finish = (event, cancelled) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { card, origin, moving } = drag;
    drag = null;
    card.classList.remove("dragging");
    for (const each of board.querySelectorAll(".stage.drop-target")) each.classList.remove("drop-target");
    if (!moving) return;
    if (cancelled) {
      restore(card, origin);
      return;
    }
    if (samePlace(placeOf(card), origin)) return;
    queue(card, origin);
  };
  board.addEventListener("pointerup", (event) => finish(event, false));
  board.addEventListener("pointercancel", (event) => finish(event, true));

  board.addEventListener("keydown", (event) => {
    const card = event.target;
    if (!(card instanceof HTMLElement) || !card.classList.contains("deal-card")) return;
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
    card.focus();
    card.scrollIntoView({ block: "nearest", inline: "nearest" });
    queue(card, origin);
  });

  // Saving a move

  function queue(card, origin) {
    const body = placement(card);
    saving = saving.then(() => save(card, body, origin));
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
      restore(card, origin);
      announce(`Rapport did not answer: ${card.dataset.title} stays where it was.`);
      return;
    }
    if (!response.ok) {
      restore(card, origin);
      const problem = answer && Array.isArray(answer.errors) ? answer.errors[0] : null;
      const why = problem ? `${problem.field} ${problem.message}` : (answer && answer.detail) || `the answer was ${response.status}`;
      announce(`${card.dataset.title} was not moved: ${why}.`);
      return;
    }
    const stage = card.closest(".stage");
    const cards = [...stage.querySelectorAll(".deal-card")];
    const select = card.querySelector("select[name=stage_id]");
    if (select) select.value = stage.dataset.stage;
    announce(`${card.dataset.title} moved to ${stage.dataset.name}, ${cards.indexOf(card) + 1} of ${cards.length}.`);
    await refreshTotals();
  }

  // The stage heads and the board's figures as the server now renders them.
  async function refreshTotals() {
    let page;
    try {
      const response = await fetch(location.pathname + location.search, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (!response.ok) return;
      page = new DOMParser().parseFromString(await response.text(), "text/html");
    } catch {
      return;
    }
    for (const fresh of page.querySelectorAll(".stage-totals, #open-deals, #open-total, #forecast")) {
      const shown = document.getElementById(fresh.id);
      if (shown) shown.replaceWith(document.importNode(fresh, true));
    }
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
