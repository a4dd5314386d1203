"""The web workspace in a real browser (Chromium through Selenium), against `rapport serve --demo`
on a fresh SQLite database, with a real SMTP server (aiosmtpd) receiving the demo mailbox's replies
and, at the end, a campaign sent by a `rapport worker` beside the server, and a built-in journey
switched on and published.

Usage: workspace.py RAPPORT_BINARY SCREENSHOT_DIR
Each check prints what it proved; the first failure stops the suite with a non-zero exit.
"""
import email
import email.policy
import http.server
import json
import os
import re
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import zlib

import extruct

from aiosmtpd.controller import Controller
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as seen
from selenium.webdriver.support.ui import Select, WebDriverWait

XSS_NAME = "<script>alert(1)</script>"
# The shared SMS vectors and the rules they were written from (apart from the Swift and the JavaScript).
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "RapportCoreTests", "Fixtures")
sys.path.insert(0, FIXTURES)
sys.dont_write_bytecode = True
from sms_segments_vectors import count as sms_count  # noqa: E402

# What the SMS campaign types: GSM-7 with extension characters and a line break; an en dash
# makes the other UCS-2 (ChromeDriver types only characters of the Basic Multilingual Plane).
SMS_GSM = 'Hi {{customer.first_name | default: "there"}},\n20% off quills this week: €5 each [while stocks last].'
SMS_UNICODE = "Halo {{customer.first_name}}, diskon 20% – pena baru datang minggu ini. Balas STOP untuk berhenti."


def sms_words(text):
    """The counter's words for `text`, from the rules' own count: `77 characters · GSM-7 · 1 SMS`."""
    counted = sms_count(text)
    units = counted["units"]
    encoding = "GSM-7" if counted["encoding"] == "gsm7" else "UCS-2"
    return f"{units} character{'' if units == 1 else 's'} · {encoding} · {counted['segments']} SMS"


def glb_file():
    """A glTF 2.0 binary with one empty scene, laid out as Khronos' GLB container."""
    chunk = b'{"asset":{"version":"2.0"},"scenes":[{"nodes":[]}],"scene":0}'
    chunk += b" " * (-len(chunk) % 4)
    return b"glTF" + struct.pack("<II", 2, 20 + len(chunk)) + struct.pack("<II", len(chunk), 0x4E4F534A) + chunk


def usdz_file():
    """A USDZ package: a stored zip whose one USD layer starts on a 64-byte boundary."""
    content, name = b'#usda 1.0\ndef Cube "Box" {}\n', b"model.usda"
    padding = (64 - (30 + len(name) + 4) % 64) % 64
    extra = struct.pack("<HH", 0x1986, padding) + b"\0" * padding
    common = struct.pack("<HHHIIIH", 0, 0, 0x21, zlib.crc32(content), len(content), len(content), len(name))
    local = b"PK\x03\x04" + struct.pack("<HH", 20, 0) + common + struct.pack("<H", len(extra)) + name + extra + content
    central = b"PK\x01\x02" + struct.pack("<HHH", 20, 20, 0) + common + struct.pack("<HHHHII", 0, 0, 0, 0, 0, 0) + name
    return local + central + b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, len(central), len(local), 0)


def shop_page(page):
    """A shop's page on another origin (its own port), serving `page` until shut down."""
    class ShopPage(http.server.BaseHTTPRequestHandler):
        # A connection the browser opens ahead and never uses must not hold the server.
        timeout = 5

        def do_GET(handler):
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.end_headers()
            handler.wfile.write(page.encode())

        def log_message(handler, *arguments):
            pass

    shop = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), ShopPage)
    shop.daemon_threads = True
    threading.Thread(target=shop.serve_forever, daemon=True).start()
    return shop


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


class Sink:
    """Keeps every message the SMTP server accepts."""

    def __init__(self):
        self.messages = []
        self.subjects = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
        self.messages.append((envelope.rcpt_tos, body.get_content() if body else ""))
        self.subjects.append((envelope.rcpt_tos, str(message.get("Subject", ""))))
        return "250 OK"


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print(f"ok - {what}", flush=True)


class Suite:
    def __init__(self, binary, shots):
        self.binary = binary
        self.shots = shots
        os.makedirs(shots, exist_ok=True)
        self.sink = Sink()
        self.smtp_port = free_port()
        self.smtp = Controller(self.sink, hostname="127.0.0.1", port=self.smtp_port)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.folder = tempfile.mkdtemp(prefix="rapport-browser-")
        self.database = f"sqlite://{self.folder}/demo.sqlite"
        self.server = None
        self.worker = None
        self.browser = None

    def start(self):
        self.smtp.start()
        self.output = open(os.path.join(self.folder, "serve.log"), "w+")
        self.server = subprocess.Popen(
            [self.binary, "serve", "--demo", "--database", self.database, "--port", str(self.port),
             "--demo-smtp", f"127.0.0.1:{self.smtp_port}"],
            stdout=self.output, stderr=subprocess.STDOUT)
        deadline = time.time() + 600
        text = ""
        while "Rapport is listening" not in text:
            if time.time() > deadline or self.server.poll() is not None:
                raise AssertionError("rapport serve --demo did not start:\n" + text[-3000:])
            time.sleep(1)
            self.output.seek(0)
            text = self.output.read()
        self.passwords = dict(re.findall(r"^\s+\w+\s+(\S+@demo\.rapport\.test)\s+(\S+)$", text, re.M))
        self.api_key = re.search(r"(rpk_\w+)", text).group(1)
        self.write_key = re.search(r"(rwk_\w+)", text).group(1)
        check(len(self.passwords) == 4, "serve --demo printed a password for each of the four demo users")
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = webdriver.ChromeService(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
        self.browser = webdriver.Chrome(options=options, service=service)

    def stop(self):
        if self.browser:
            self.browser.quit()
        for process in (self.server, self.worker):
            if process:
                process.kill()
                process.wait()
        self.smtp.stop()

    # Helpers

    def api(self, method, path, body=None):
        request = urllib.request.Request(
            self.base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"Bearer {self.api_key}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read() or b"{}")

    def shot(self, name):
        self.browser.save_screenshot(os.path.join(self.shots, f"{name}.png"))

    def unstale(self, read, attempts=5):
        """Runs `read` again when the page replaced an element it held (a live refresh)."""
        for attempt in range(attempts):
            try:
                return read()
            except (StaleElementReferenceException, WebDriverException) as error:
                # Chrome reports a node of a replaced document as an inspector error, not as stale.
                gone = isinstance(error, StaleElementReferenceException) or "does not belong to the document" in str(error)
                if not gone or attempt == attempts - 1:
                    raise
                time.sleep(0.3)

    def wait(self, condition, seconds=20):
        return WebDriverWait(self.browser, seconds).until(condition)

    def settled_text(self, element, expected, seconds=5):
        """The element's text once it reads `expected`, or as it reads after `seconds`. Pass a
        function that finds the element when the page may replace it meanwhile (a live reread):
        it is found again each time it goes stale."""
        find = element if callable(element) else (lambda: element)

        def text():
            return self.unstale(lambda: find().text)
        try:
            self.wait(lambda browser: text() == expected, seconds)
        except TimeoutException:
            pass
        return text()

    def sign_in(self, email):
        self.browser.delete_all_cookies()
        self.browser.get(self.base + "/login")
        self.browser.find_element(By.ID, "email").send_keys(email)
        self.browser.find_element(By.ID, "password").send_keys(self.passwords[email])
        self.browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()

    def unlabelled_fields(self):
        """Form fields a screen reader could not name: no <label for>, no wrapping label, no aria-label."""
        return self.browser.execute_script("""
            return [...document.querySelectorAll('input, select, textarea')]
              .filter(field => field.type !== 'hidden')
              .filter(field => !(field.labels && field.labels.length) && !field.getAttribute('aria-label'))
              .map(field => field.name || field.id);
        """)

    def no_alert(self):
        try:
            self.browser.switch_to.alert
            return False
        except NoAlertPresentException:
            return True

    def page_errors(self):
        """Errors the browser logged: failed loads, script errors, Content-Security-Policy refusals."""
        return [entry["message"] for entry in self.browser.get_log("browser") if entry["level"] == "SEVERE"]

    # The checks

    def login_page(self):
        self.browser.get(self.base + "/inbox")
        check(self.browser.current_url.startswith(self.base + "/login?next=/inbox"), "a signed-out visit to /inbox is sent to /login")
        self.shot("login")
        self.browser.find_element(By.ID, "email").send_keys("agent@demo.rapport.test")
        self.browser.find_element(By.ID, "password").send_keys("not the password")
        self.browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        error = self.wait(seen.presence_of_element_located((By.ID, "signin-error"))).text
        kept = self.browser.find_element(By.ID, "email").get_attribute("value")
        check("wrong" in error and kept == "agent@demo.rapport.test", "a wrong password is refused in plain words and the e-mail stays filled in")
        self.page_errors()  # The refused sign-in's 401 is expected; later checks start from an empty log.

    def agent_replies_by_email(self):
        self.sign_in("agent@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        items = self.browser.find_elements(By.CSS_SELECTOR, ".conversation-item")
        check(len(items) >= 40, f"the agent's inbox lists the demo conversations ({len(items)})")
        self.shot("inbox")
        Select(self.browser.find_element(By.ID, "filter-channel")).select_by_value("email")
        self.wait(seen.url_contains("channel=email"))
        # The list refreshes itself when anything in the inbox changes: a read may find the
        # elements of the list before, so reads that meet a replaced element are done again.
        def channel_badges():
            email_items = self.browser.find_elements(By.CSS_SELECTOR, ".conversation-item")
            return len(email_items), {item.find_element(By.CSS_SELECTOR, ".ch").get_attribute("title") for item in email_items}
        count, badges = self.unstale(channel_badges)
        check(count >= 5 and badges == {"E-mail"}, "the channel filter shows only e-mail conversations")
        self.unstale(lambda: self.browser.find_elements(By.CSS_SELECTOR, ".conversation-item")[0].find_element(By.CSS_SELECTOR, "a").click())
        self.wait(seen.presence_of_element_located((By.ID, "composer-text")))
        def sidebar():
            orders = self.browser.find_elements(By.CSS_SELECTOR, ".customer-pane .order")
            question = self.browser.find_element(By.CSS_SELECTOR, ".message .bubble").text
            number = re.search(r"order (\S+) will arrive", question).group(1)
            return ([order.text for order in orders], number, [bool(order.find_elements(By.CSS_SELECTOR, ".items li")) for order in orders],
                    self.browser.find_element(By.CSS_SELECTOR, ".thread-head .sub").text.split(" · ")[0])
        order_texts, number, listed, recipient = self.unstale(sidebar)
        check(order_texts and any(f"#{number}" in text for text in order_texts),
              f"the sidebar shows the customer's orders, with order {number} the customer asks about")
        check(all(listed), "each order in the sidebar lists its items")
        self.shot("conversation")

        reply = f"Hello! Order {number} left our warehouse today. Browser check {time.time():.0f}"
        composer = self.browser.find_element(By.ID, "composer-text")
        composer.send_keys(reply)
        self.browser.find_element(By.CSS_SELECTOR, "#composer button[value=reply]").click()
        self.wait(lambda browser: any(reply in bubble.text for bubble in browser.find_elements(By.CSS_SELECTOR, ".m-outgoing .bubble")))
        check(True, "the reply shows in the thread after sending")
        try:
            self.wait(lambda browser: browser.find_elements(By.CSS_SELECTOR, ".m-outgoing:last-child .tick.t-sent, .m-outgoing:last-child .tick.t-delivered"), 30)
        except TimeoutException:
            raise AssertionError("the reply's tick never turned to sent: " + self.browser.find_element(By.ID, "messages").text[-500:])
        check(True, "the reply's tick turns to sent without a reload (live update)")
        deadline = time.time() + 10
        while not any(reply in body for _, body in self.sink.messages) and time.time() < deadline:
            time.sleep(0.2)
        delivered = [(to, body) for to, body in self.sink.messages if reply in body]
        check(delivered and delivered[0][0] == [recipient], f"the SMTP server received the reply for {recipient}")

        # The workspace asks for a CSAT after each resolved conversation (`customer_answers_survey`).
        self.api("PUT", "/api/v1/surveys/settings", {"csat_after_conversations": True, "quiet_days": 0})
        self.browser.find_element(By.CSS_SELECTOR, "button[value=resolve]").click()
        self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, ".thread-head .s-resolved")))
        self.csat_recipient = recipient
        check(self.browser.find_elements(By.CSS_SELECTOR, "button[value=reopen]"), "resolving marks the conversation resolved and offers to reopen it")
        errors = self.page_errors()
        check(not errors, f"the browser logged no errors (scripts, CSP, loads): {errors}")
        check(not self.unlabelled_fields(), "every field of the conversation page has a label")

    def customer_answers_survey(self):
        """The customer whose conversation was resolved gets the CSAT by e-mail, opens its link,
        picks 5 and adds a comment; the answer lands on the survey and the manager's dashboard."""
        deadline = time.time() + 30
        links = []
        while not links and time.time() < deadline:
            links = [link for to, body in self.sink.messages if to == [self.csat_recipient]
                     for link in re.findall(r"(http://127\.0\.0\.1:\d+/survey/\S+)", body)]
            time.sleep(0.3)
        check(links, f"the CSAT e-mail with its answer link reached {self.csat_recipient}")
        self.api("PUT", "/api/v1/surveys/settings", {"csat_after_conversations": False})
        # The agent sees the link in the thread, but a survey is the customer's to answer.
        self.browser.get(links[-1])
        self.browser.find_element(By.CSS_SELECTOR, ".survey-choice input[value='5']").click()
        self.browser.find_element(By.CSS_SELECTOR, ".survey button[type=submit]").click()
        self.wait(lambda browser: "survey is the customer's to answer" in self.unstale(lambda: browser.find_element(By.TAG_NAME, "body").text))
        check(True, "signed in to the workspace, the agent cannot answer the customer's survey")
        self.page_errors()  # The refused answer's 403 is expected.
        self.browser.delete_all_cookies()
        self.browser.get(links[-1])
        question = self.browser.find_element(By.CSS_SELECTOR, ".survey legend").text
        check("How satisfied are you" in question, f"the survey page asks the question ({question})")
        choices = self.browser.find_elements(By.CSS_SELECTOR, ".survey-choice input[name=score]")
        check([choice.get_attribute("value") for choice in choices] == ["1", "2", "3", "4", "5"], "the page offers the scale from 1 to 5")
        check(not self.unlabelled_fields(), "every field of the survey page has a label")
        self.shot("survey")
        self.browser.find_element(By.CSS_SELECTOR, ".survey-choice input[value='5']").click()
        self.browser.find_element(By.ID, "survey-comment").send_keys("Fast and friendly, thank you")
        self.browser.find_element(By.CSS_SELECTOR, ".survey button[type=submit]").click()
        self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, ".survey .notice")))
        thanks = self.browser.find_element(By.CSS_SELECTOR, ".survey .notice").text
        check("Thank you for your answer: 5." in thanks, f"the page thanks the customer for their 5 ({thanks})")
        answered = self.api("GET", "/api/v1/surveys?kind=csat&status=answered")["data"]
        check(any(survey["score"] == 5 and survey["comment"] == "Fast and friendly, thank you" and survey["answered_via"] == "link"
                  for survey in answered), "the answer and its comment are on the survey")
        errors = self.page_errors()
        check(not errors, f"the survey page logged no errors (scripts, CSP, loads): {errors}")
        self.sign_in("agent@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))

    def keyboard_only(self):
        """Sign-in to a sent note without the mouse: Tab to move, Enter and keys to act."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        self.browser.delete_all_cookies()
        self.browser.get(self.base + "/login")
        keys = ActionChains(self.browser)
        keys.send_keys("agent@demo.rapport.test", Keys.TAB, self.passwords["agent@demo.rapport.test"], Keys.ENTER).perform()
        self.wait(seen.url_contains("/inbox"))
        self.browser.find_element(By.TAG_NAME, "body").send_keys("j")
        self.wait(seen.presence_of_element_located((By.ID, "composer-text")))
        note = f"Keyboard note {time.time():.0f}"
        self.browser.find_element(By.TAG_NAME, "body").send_keys("n")
        ActionChains(self.browser).send_keys(note).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
        self.wait(lambda browser: any(note in bubble.text for bubble in browser.find_elements(By.CSS_SELECTOR, ".m-note .bubble")))
        check(True, "with the keyboard alone an agent signs in, opens a conversation and writes a private note (n, Ctrl+Enter)")
        self.browser.find_element(By.TAG_NAME, "body").send_keys("e")
        self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, ".thread-head .s-resolved")))
        self.browser.find_element(By.TAG_NAME, "body").send_keys("e")
        self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, ".thread-head .s-open")))
        check(True, "e resolves the conversation, and e again reopens it")
        focusable = self.browser.execute_script("""
            const skip = document.querySelector('.skip');
            skip.focus();
            return document.activeElement === skip && getComputedStyle(skip).left === '0px';
        """)
        check(focusable, "the skip link appears when focused")

    def keyboard(self):
        self.browser.get(self.base + "/inbox")
        body = self.browser.find_element(By.TAG_NAME, "body")
        body.send_keys("j")
        self.wait(seen.url_contains("/inbox/cnv_"))
        first = self.browser.current_url
        self.browser.find_element(By.TAG_NAME, "body").send_keys("j")
        self.wait(lambda browser: browser.current_url != first)
        check(True, "j opens the first conversation and then the next")
        self.browser.find_element(By.TAG_NAME, "body").send_keys("r")
        focused = self.browser.switch_to.active_element.get_attribute("id")
        check(focused == "composer-text", "r puts the cursor in the composer")
        self.browser.switch_to.active_element.send_keys("/ship")
        canned = self.browser.find_element(By.ID, "canned")
        check(canned.is_displayed() and "shipped" in canned.text, "typing / in the composer offers the canned responses")
        self.browser.switch_to.active_element.send_keys("\t")
        text = self.browser.find_element(By.ID, "composer-text").get_attribute("value")
        check(text.startswith("Hi {{customer.first_name}}, your order"), "Tab inserts the canned response with its variables")

    def escaping(self):
        customer = self.api("POST", "/api/v1/customers", {
            "first_name": XSS_NAME, "identities": [{"kind": "email", "value": "xss@example.com"}], "tags": [XSS_NAME[:40]]})
        inboxes = self.api("GET", "/api/v1/inboxes")["data"]
        mailbox = next(inbox for inbox in inboxes if inbox["channel"] == "email")
        self.api("POST", "/api/v1/conversations", {
            "inbox_id": mailbox["id"], "customer_id": customer["id"], "message": {"text": f"Hello {XSS_NAME}"}})
        self.browser.get(self.base + "/inbox?view=all&status=open&channel=email")
        names = [element.text for element in self.browser.find_elements(By.CSS_SELECTOR, ".conversation-item .who")]
        check(XSS_NAME in names and self.no_alert(), "a customer named <script>alert(1)</script> shows as text in the inbox list")
        self.browser.get(self.base + f"/customers/{customer['id']}")
        heading = self.browser.find_element(By.TAG_NAME, "h1").text
        check(heading == XSS_NAME and self.no_alert(), "... and as text on the customer page")
        self.browser.get(self.base + "/customers?q=xss%40example.com")
        check(XSS_NAME in self.browser.find_element(By.CSS_SELECTOR, "table.grid").text and self.no_alert(), "... and in the customer list")

    def phone(self):
        self.browser.set_window_size(390, 844)
        self.browser.get(self.base + "/inbox")
        width = self.browser.execute_script("return document.documentElement.scrollWidth")
        check(width <= 390, f"the inbox fits a 390 px phone without sideways scrolling ({width} px)")
        self.shot("phone-inbox")
        self.browser.find_element(By.CSS_SELECTOR, ".conversation-item a").click()
        self.wait(seen.presence_of_element_located((By.ID, "composer-text")))
        list_shown = self.browser.find_element(By.CSS_SELECTOR, ".list-pane").is_displayed()
        back = self.browser.find_element(By.CSS_SELECTOR, ".thread-head .back")
        width = self.browser.execute_script("return document.documentElement.scrollWidth")
        check(not list_shown and back.is_displayed() and width <= 390, "on a phone a conversation takes the whole screen, with a way back")
        self.shot("phone-conversation")
        self.browser.set_window_size(1280, 900)

    def marketer(self):
        self.sign_in("marketer@demo.rapport.test")
        self.wait(seen.url_contains("/customers"))
        check(not self.browser.find_elements(By.LINK_TEXT, "Inbox"), "a marketer lands on the customers and has no Inbox link")
        check(not self.unlabelled_fields(), "every field of the customer list has a label")
        self.shot("customers")
        self.browser.get(self.base + "/inbox")
        heading = self.browser.find_element(By.TAG_NAME, "h1").text
        message = self.browser.find_element(By.CSS_SELECTOR, "main p").text
        check(heading == "Not allowed" and "marketer may not read conversations" in message, "a marketer is refused the inbox")
        self.browser.get(self.base + "/insights")
        heatmaps = self.browser.find_elements(By.CSS_SELECTOR, "svg.heatmap")
        top = self.browser.find_elements(By.CSS_SELECTOR, "#lifetime tbody a")
        check(len(heatmaps) == 2 and len(top) == 10, "a marketer's insights show the cohort and RFM heatmaps and the ten most valuable customers")
        check(not self.unlabelled_fields(), "every field of the insights page has a label")
        self.shot("insights")
        top[0].click()
        self.wait(seen.presence_of_element_located((By.ID, "value")))
        value = self.browser.find_element(By.ID, "value").text
        offers = self.browser.find_elements(By.CSS_SELECTOR, "#value .recommendations a")
        check("Lifetime value" in value and "RFM" in value and offers, "the customer page shows lifetime value, RFM segment and products to offer")
        self.shot("customer-value")
        check(not self.unlabelled_fields(), "every field of the customer page has a label")
        Select(self.browser.find_element(By.ID, "consent-purpose")).select_by_value("surveys")
        Select(self.browser.find_element(By.ID, "consent-channel")).select_by_value("sms")
        Select(self.browser.find_element(By.ID, "consent-status")).select_by_value("granted")
        self.browser.find_element(By.CSS_SELECTOR, "#consent-form button[type=submit]").click()
        # The page before the form may already have the table: wait for the new row's history.
        self.wait(seen.presence_of_element_located((By.XPATH, "//summary[contains(., 'History of surveys by sms')]")))
        rows = [row.text for row in self.browser.find_elements(By.CSS_SELECTOR, "table.consents tbody tr:not(.consent-history)")]
        self.browser.find_element(By.XPATH, "//summary[contains(., 'History of surveys by sms')]").click()
        history = self.browser.find_element(By.XPATH, "//summary[contains(., 'History of surveys by sms')]/..").text
        check(any(row.startswith("surveys sms granted") for row in rows) and "agent" in history and "user:usr_" in history,
              "a marketer records what the customer said on the customer page, and its history names the source and who recorded it")
        self.shot("customer-consent")
        self.browser.get(self.base + "/insights")
        counts = [link for link in self.browser.find_elements(By.CSS_SELECTOR, "ul.segments a[href^='/customers?segment=']") if link.text.strip() not in ("", "0")]
        check(counts, "the RFM segments on the insights page have customers to open")
        expected = int(counts[0].text)
        counts[0].click()
        self.wait(seen.url_contains("/customers?segment="))
        rows = self.browser.find_elements(By.CSS_SELECTOR, "table.grid tbody tr")
        label = self.browser.find_element(By.CSS_SELECTOR, "p.filter").text
        check("RFM segment" in label and len(rows) == min(expected, 50), "a segment's count on the insights page opens exactly its customers")

    def segment_builder(self):
        """A marketer builds a segment from condition rows, sees the live count follow each edit
        (and the API's 422 naming the condition at fault), saves it, and finds it with its members."""
        # The values come from the demo store, asked through the API as the page will ask: two
        # tags the demo gives to different numbers of customers.
        def preview(tag):
            definition = {"all": [{"field": "tags", "op": "contains", "value": tag}]}
            return self.api("POST", "/api/v1/segments/preview", {"definition": definition})["count"]
        vip, newsletter = preview("vip"), preview("newsletter")
        check(vip > 0 and newsletter > 0 and vip != newsletter, f"the demo tags customers vip ({vip}) and newsletter ({newsletter})")

        self.sign_in("marketer@demo.rapport.test")
        self.wait(seen.url_contains("/customers"))
        self.page_errors()  # What earlier checks logged (the marketer's refused inbox) is not this check's.
        self.browser.find_element(By.LINK_TEXT, "Segments").click()
        self.wait(seen.url_contains("/segments"))
        self.browser.find_element(By.LINK_TEXT, "New segment").click()
        self.wait(seen.visibility_of_element_located((By.ID, "builder")))

        def count_state():
            output = self.browser.find_element(By.ID, "segment-count")
            return output.get_attribute("data-state"), output.get_attribute("data-count")
        # The empty definition holds everyone; it is counted as soon as the page opens.
        self.wait(lambda browser: count_state()[0] == "ok")
        everyone = int(count_state()[1])
        check(everyone > newsletter, f"the builder counts the empty definition at once: everyone ({everyone})")

        self.browser.find_element(By.CSS_SELECTOR, "#builder .add-condition").click()
        self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, "#builder .condition select.field-select")))
        # Choosing the field redraws the row's comparison and value: every read finds them again.
        Select(self.browser.find_element(By.CSS_SELECTOR, "#builder .condition select.field-select")).select_by_value("tags")
        Select(self.browser.find_element(By.CSS_SELECTOR, "#builder .condition select.op-select")).select_by_value("contains")
        self.wait(lambda browser: count_state()[0] == "error")
        problem = self.browser.find_element(By.ID, "preview-error").text
        faulty = self.browser.find_elements(By.CSS_SELECTOR, "#builder .condition.at-fault")
        check("definition.all[0].value" in problem and faulty,
              f"a condition without its value gets the API's 422, naming the condition at fault, and its row is marked ({problem})")

        self.browser.find_element(By.CSS_SELECTOR, "#builder .condition input.value").send_keys("vip")
        self.wait(lambda browser: count_state() == ("ok", str(vip)))
        members = self.browser.find_elements(By.CSS_SELECTOR, "#segment-sample a[href^='/customers/cus_']")
        check(len(members) == min(vip, 10), f"tags include vip: the live count shows {vip}, with the newest members linked")
        self.shot("segment-builder")

        value = self.browser.find_element(By.CSS_SELECTOR, "#builder .condition input.value")
        value.clear()
        value.send_keys("newsletter")
        self.wait(lambda browser: count_state() == ("ok", str(newsletter)))
        definition = json.loads(self.browser.find_element(By.ID, "segment-definition").get_attribute("value"))
        check(definition == {"all": [{"field": "tags", "op": "contains", "value": "newsletter"}]},
              f"changing the value changes the live count ({vip} → {newsletter}), and the form's definition follows")
        check(not self.unlabelled_fields(), f"every field of the builder has a label: {self.unlabelled_fields()}")

        name = f"Newsletter readers {time.time():.0f}"
        self.browser.find_element(By.ID, "segment-name").send_keys(name)
        self.browser.find_element(By.ID, "save-segment").click()
        self.wait(seen.url_matches(r"/segments/seg_\w+$"))
        saved = int(self.browser.find_element(By.ID, "member-count").get_attribute("data-count"))
        page = self.browser.find_element(By.TAG_NAME, "main").text
        check(saved == newsletter and "Tags include “newsletter”" in page, f"the saved segment's page shows its definition and {saved} members")
        check(self.browser.find_elements(By.CSS_SELECTOR, ".size-chart svg.chart rect") and "No campaigns or journeys yet" in page,
              "... its size over time as an inline SVG chart, and where it is used")
        rows = self.browser.find_elements(By.CSS_SELECTOR, "#members tbody a[href^='/customers/cus_']")
        check(len(rows) == min(newsletter, 50), "... and its first page of members")
        self.shot("segment")
        errors = [error for error in self.page_errors() if "/api/v1/segments/preview" not in error]
        check(not errors, f"the builder and the segment's page logged no errors (scripts, CSP, loads): {errors}")

        self.browser.find_element(By.PARTIAL_LINK_TEXT, "Segments").click()
        row = self.wait(seen.presence_of_element_located((By.XPATH, f"//table[@id='segments']//tr[td/a[text()='{name}']]")))
        check(row.find_element(By.CSS_SELECTOR, "td.members").text == str(newsletter), "the segments page lists the new segment with its member count")

        # Groups nest as deep as the API takes ("none" of several is two levels), no deeper.
        self.browser.get(self.base + "/segments/new")
        self.wait(lambda browser: count_state()[0] == "ok")
        nested = 0
        while True:
            deepest = self.browser.find_elements(By.CSS_SELECTOR, "#builder .group")[-1]
            add = deepest.find_element(By.CSS_SELECTOR, ":scope > .group-foot .add-group")
            if not add.is_enabled() or nested > 8:
                break
            add.click()
            nested += 1
            inner = self.browser.find_elements(By.CSS_SELECTOR, "#builder .group")[-1]
            Select(inner.find_element(By.CSS_SELECTOR, ":scope > .group-head select.mode")).select_by_value("none")
        deepest.find_element(By.CSS_SELECTOR, ":scope > .group-foot .add-condition").click()
        Select(deepest.find_element(By.CSS_SELECTOR, "select.field-select")).select_by_value("tags")
        Select(deepest.find_element(By.CSS_SELECTOR, "select.op-select")).select_by_value("contains")
        deepest.find_element(By.CSS_SELECTOR, "input.value").send_keys("vip")
        self.wait(lambda browser: count_state()[0] in ("ok", "error") and "vip" in self.browser.find_element(By.ID, "segment-definition").get_attribute("value"))
        def levels(part, level=1):
            if "not" in part:
                return levels(part["not"], level + 1)
            inner = part.get("all", part.get("any"))
            return max([level] + [levels(item, level + 1) for item in inner]) if isinstance(inner, list) else level
        deep = json.loads(self.browser.find_element(By.ID, "segment-definition").get_attribute("value"))
        check(nested == 3 and levels(deep) <= 8 and count_state()[0] == "ok",
              f"\"+ Group\" stops where a definition would nest deeper than the API's 8 levels ({nested} \"none\" groups, {levels(deep)} levels, {count_state()})")

        self.browser.set_window_size(390, 844)
        self.browser.get(self.base + "/segments/new")
        self.wait(lambda browser: count_state()[0] == "ok")
        width = self.browser.execute_script("return document.documentElement.scrollWidth")
        self.browser.set_window_size(1280, 900)
        check(width <= 390, f"the builder fits a 390 px phone without sideways scrolling ({width} px)")

    def manager_and_admin(self):
        self.sign_in("manager@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        self.browser.get(self.base + "/dashboard")
        tiles = self.browser.find_elements(By.CSS_SELECTOR, ".tiles li")
        charts = self.browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")
        check(len(tiles) == 16 and charts, "a manager's dashboard shows its figures (the bot's among them) and server-drawn charts")
        satisfaction = self.browser.find_element(By.CSS_SELECTOR, "#satisfaction .figure").text
        check(satisfaction == "100% (1 answer)", f"the dashboard's CSAT counts the customer's answer ({satisfaction})")
        self.shot("dashboard")
        self.sign_in("admin@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        self.browser.get(self.base + "/settings")
        urls = [element.text for element in self.browser.find_elements(By.CSS_SELECTOR, "#inboxes code.url")]
        check(any("/webhooks/twilio/sms/inb_" in url for url in urls), "settings show each inbox's webhook URL for its provider")
        self.browser.find_element(By.ID, "invite-email").send_keys("new.agent@demo.rapport.test")
        self.browser.find_element(By.ID, "invite-name").send_keys("New Agent")
        Select(self.browser.find_element(By.ID, "invite-role")).select_by_value("agent")
        self.browser.find_element(By.CSS_SELECTOR, "form[action='/settings/users'] button[type=submit]").click()
        password = self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, "#users code.secret"))).text
        self.shot("settings")
        check(not self.unlabelled_fields(), f"every field of the settings page has a label: {self.unlabelled_fields()}")
        self.passwords["new.agent@demo.rapport.test"] = password
        self.sign_in("new.agent@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        check(self.browser.find_element(By.CSS_SELECTOR, ".account .who").text.startswith("New Agent"), "an invited user signs in with the password shown once")

    def loyalty_and_reviews(self):
        """A manager starts the loyalty programme on its page, spends a customer's points on their
        page, and moderates product reviews: one approved onto the shop's page, one rejected."""
        self.sign_in("manager@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        self.browser.find_element(By.LINK_TEXT, "Loyalty").click()
        self.wait(seen.presence_of_element_located((By.ID, "loyalty-program")))
        check(not self.unlabelled_fields(), f"every field of the loyalty page has a label: {self.unlabelled_fields()}")
        for field, value in [("loyalty-rate", "1"), ("loyalty-pending", "0"), ("loyalty-tiers-text", "Silver: 100\nGold: 1000")]:
            element = self.browser.find_element(By.ID, field)
            element.clear()
            element.send_keys(value)
        self.browser.find_element(By.CSS_SELECTOR, "#loyalty-program button[type=submit]").click()
        notice = self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, ".loyalty-page .notice"))).text
        check("The programme is saved" in notice, f"the loyalty page saves the programme ({notice})")
        # A reward and a multiplier, each added in its card.
        for field, value in [("reward-name", "Free shipping"), ("reward-key", "ship"), ("reward-points", "100")]:
            self.browser.find_element(By.ID, field).send_keys(value)
        Select(self.browser.find_element(By.ID, "reward-kind")).select_by_value("free_shipping")
        self.browser.find_element(By.CSS_SELECTOR, "#loyalty-reward-form button[type=submit]").click()
        self.wait(lambda browser: "ship" in self.unstale(lambda: browser.find_element(By.CSS_SELECTOR, "#loyalty-rewards table").text))
        for field, value in [("multiplier-name", "Knitwear week"), ("multiplier-factor", "2"), ("multiplier-category", "Knitwear")]:
            self.browser.find_element(By.ID, field).send_keys(value)
        self.browser.find_element(By.CSS_SELECTOR, "#loyalty-multiplier-form button[type=submit]").click()
        listed = self.wait(lambda browser: self.unstale(lambda: browser.find_element(By.CSS_SELECTOR, "#loyalty-multipliers table").text))
        check("Knitwear week" in listed and "lines in Knitwear" in listed, f"the cards add a reward and a multiplier ({listed})")
        check(not self.unlabelled_fields(), f"every field of the rewards and multipliers cards has a label: {self.unlabelled_fields()}")
        self.browser.find_element(By.CSS_SELECTOR, "button[aria-label='Remove the multiplier Knitwear week']").click()
        self.wait(seen.presence_of_element_located((By.XPATH, "//section[@id='loyalty-multipliers']//p[contains(., 'No multipliers yet.')]")))
        program = self.api("GET", "/api/v1/loyalty/program")
        check([r["key"] for r in program["rewards"]] == ["ship"] and program["multipliers"] == [],
              f"the programme has the reward added and not the multiplier removed ({program['rewards']}, {program['multipliers']})")
        product = self.api("POST", "/api/v1/products", {"title": "Merino scarf", "sku": "SCARF-1", "price": 15000, "currency": "EUR"})
        self.scarf = product
        order = self.api("POST", "/api/v1/orders", {
            "number": "LOY-1", "currency": "EUR", "status": "delivered",
            "customer": {"email": "points.keeper@example.com", "first_name": "Pia", "last_name": "Keller"},
            "lines": [{"sku": "SCARF-1", "title": "Merino scarf", "quantity": 1, "unit_price": 15000}]})
        self.browser.get(self.base + "/customers/" + order["customer_id"])
        balance = self.wait(seen.presence_of_element_located((By.ID, "loyalty-balance"))).text
        tier = self.browser.find_element(By.ID, "loyalty-tier").text
        check(balance == "150" and tier.startswith("Silver") and "850 points to Gold" in tier,
              f"a delivered order of 150 EUR earns 150 usable points and the Silver tier on the customer page ({balance}, {tier})")
        self.browser.find_element(By.ID, "redeem-points").send_keys("50")
        self.browser.find_element(By.ID, "redeem-reason").send_keys("5 EUR off the next order")
        self.browser.find_element(By.CSS_SELECTOR, "form[action$='/loyalty/redeem'] button[type=submit]").click()
        self.wait(lambda browser: self.unstale(lambda: browser.find_element(By.ID, "loyalty-balance").text) == "100")
        entries = self.browser.find_element(By.CSS_SELECTOR, "#loyalty table.loyalty-entries").text
        check("5 EUR off the next order" in entries and "-50" in entries, f"the spent points are an entry of the ledger ({entries})")
        Select(self.browser.find_element(By.ID, "reward-key")).select_by_value("ship")
        self.browser.find_element(By.CSS_SELECTOR, "form[action$='/loyalty/reward'] button[type=submit]").click()
        self.wait(lambda browser: self.unstale(lambda: browser.find_element(By.ID, "loyalty-balance").text) == "0")
        code = self.browser.find_element(By.CSS_SELECTOR, "#loyalty table.loyalty-codes tbody code").text
        taken = self.api("GET", f"/api/v1/customers/{order['customer_id']}/loyalty/rewards")["data"]
        check(code.startswith("RW") and [(item["code"], item["status"]) for item in taken] == [(code, "issued")],
              f"the free-shipping reward's code is given for the last 100 points and listed on the card ({code})")
        check(not self.unlabelled_fields(), f"every field of the customer page's loyalty card has a label: {self.unlabelled_fields()}")
        self.shot("customer-loyalty")
        self.browser.find_element(By.LINK_TEXT, "Loyalty").click()
        owed = self.wait(seen.presence_of_element_located((By.ID, "loyalty-totals"))).text
        lines = owed.split("\n")
        check("usable points owed" in lines and lines[lines.index("usable points owed") - 1] == "0"
              and "Free shipping" in self.browser.find_element(By.ID, "loyalty-rewards").text,
              f"the loyalty page shows the points owed and the reward ({owed})")
        self.shot("loyalty")

        reviews = [self.api("POST", f"/api/v1/products/{product['id']}/reviews", {
            "customer_id": order["customer_id"], "order_id": order["id"], "rating": 5, "title": "Soft and warm", "body": "Wore it all winter."})]
        other = self.api("POST", "/api/v1/customers", {"email": "coupon.hunter@example.com", "first_name": "Cody"})
        reviews.append(self.api("POST", f"/api/v1/products/{product['id']}/reviews", {
            "customer_id": other["id"], "rating": 1, "title": "Cheaper at bargains.example", "body": "Go there instead."}))
        self.browser.find_element(By.LINK_TEXT, "Reviews").click()
        self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, f"[data-review='{reviews[0]['id']}']")))
        card = self.browser.find_element(By.CSS_SELECTOR, f"[data-review='{reviews[0]['id']}']").text
        check("Merino scarf" in card and "verified buyer" in card and "Pia Keller" in card, f"the queue shows the product, the verified buyer and the author ({card})")
        check(not self.unlabelled_fields(), f"every field of the review page has a label: {self.unlabelled_fields()}")
        self.shot("reviews")
        self.browser.find_element(By.CSS_SELECTOR, f"[data-review='{reviews[1]['id']}'] input[name=reason]").send_keys("advertises another shop")
        reject = self.browser.find_element(By.CSS_SELECTOR, f"[data-review='{reviews[1]['id']}'] form[action$='/reject'] button")
        reject.click()
        self.wait(seen.staleness_of(reject))
        approve = self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, f"[data-review='{reviews[0]['id']}'] form[action$='/approve'] button")))
        check(not self.browser.find_elements(By.CSS_SELECTOR, f"[data-review='{reviews[1]['id']}']"), "the rejected review leaves the pending queue")
        approve.click()
        self.wait(seen.staleness_of(approve))
        self.wait(seen.presence_of_element_located((By.XPATH, "//p[contains(@class, 'empty') and contains(., 'No pending review')]")))
        listed = self.api("GET", f"/api/v1/products/{product['id']}/reviews")
        statuses = {review["id"]: review["status"] for review in listed["data"]}
        check(statuses == {reviews[0]["id"]: "approved", reviews[1]["id"]: "rejected"}, f"the page approved one review and rejected the other ({statuses})")
        self.browser.get(listed["public_url"])
        shown = self.browser.find_element(By.CSS_SELECTOR, ".public-reviews").text
        check("Soft and warm" in shown and "Cheaper at" not in shown, "the shop's review page shows the approved review only")
        errors = self.page_errors()
        check(not errors, f"the loyalty and review pages logged no errors (scripts, CSP, loads): {errors}")

    def product_snippet(self):
        """A shop's product page on another origin embeds the product snippet, named by the shop's
        own id: it shows the approved review and the rating, adds the Product JSON-LD extruct
        reads, and on an Android phone offers Scene Viewer's AR and 3D links for the product's
        uploaded files; their taps reach Rapport as tracked events."""
        product = self.scarf
        for kind, data, media in [("glb", glb_file(), "model/gltf-binary"), ("usdz", usdz_file(), "model/vnd.usdz+zip")]:
            request = urllib.request.Request(
                f"{self.base}/api/v1/products/{product['id']}/models/{kind}", method="PUT", data=data,
                headers={"Authorization": f"Bearer {self.api_key}", "Content-Type": media})
            with urllib.request.urlopen(request) as response:
                check(response.status == 200, f"the product takes its {kind} file")
        models = {item["format"]: item["url"] for item in self.api("GET", f"/api/v1/products/{product['id']}/models")["data"]}
        workspace = self.api("GET", f"/api/v1/products/{product['id']}/reviews")["public_url"].split("/")[-2]
        page = ('<!doctype html><html><head><title>Merino scarf</title><link rel="canonical" href="https://shop.example/scarf"></head>'
                '<body><h1>Merino scarf</h1><div id="rapport-product"></div>'
                f'<script src="{self.base}/product.js" data-workspace="{workspace}" data-product="SCARF-1" data-key="{self.write_key}" async></script>'
                '</body></html>')

        shop = shop_page(page)
        desktop = self.browser.execute_script("return navigator.userAgent")
        android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
        tracked = self.api("GET", "/api/v1/stats")["tracked_events"]
        try:
            self.browser.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": android})
            self.browser.get(f"http://127.0.0.1:{shop.server_port}/")
            summary = self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, ".rapport-summary"))).text
            shown = self.browser.find_element(By.ID, "rapport-product").text
            check("5.0 out of 5 · 1 review" in summary and "Soft and warm" in shown and "Verified buyer" in shown and "Cheaper at" not in shown,
                  f"the snippet shows the approved review and the rating on the shop's page ({summary})")
            ar = self.browser.find_element(By.CSS_SELECTOR, "a.rapport-ar").get_attribute("href")
            three = self.browser.find_element(By.CSS_SELECTOR, "a.rapport-3d").get_attribute("href")
            scene = "intent://arvr.google.com/scene-viewer/1.0?file=" + urllib.parse.quote(models["glb"], safe="")
            check(ar.startswith(scene + "&mode=ar_preferred") and "package=com.google.android.googlequicksearchbox" in ar
                  and three.startswith(scene + "&mode=3d_only") and not self.browser.find_elements(By.CSS_SELECTOR, "a[rel=ar]"),
                  f"on Android it links Scene Viewer to the product's GLB, in AR and in 3D, and offers no Quick Look link ({ar})")
            items = extruct.extract(self.browser.page_source, base_url=f"http://127.0.0.1:{shop.server_port}/", syntaxes=["json-ld"])["json-ld"]
            marked = next(item for item in items if item.get("@type") == "Product")
            rating = marked["aggregateRating"]
            check(marked["url"] == "https://shop.example/scarf" and rating["ratingValue"] == 5 and rating["reviewCount"] == 1,
                  f"extruct reads the shop page's Product JSON-LD with its rating, about the page's canonical address ({marked['url']}, {rating})")
            self.shot("product-snippet")
            # The phone would open its viewer; here the page stays, so the tracking call can be seen.
            self.browser.execute_script("window.addEventListener('click', function (event) { event.preventDefault(); });")
            self.browser.find_element(By.CSS_SELECTOR, "a.rapport-ar").click()
            self.browser.find_element(By.CSS_SELECTOR, "a.rapport-3d").click()
            self.wait(lambda browser: self.api("GET", "/api/v1/stats")["tracked_events"] == tracked + 2)
            errors = self.page_errors()
            check(not errors, f"the shop's page logged no errors (CORS, scripts): {errors}")
        finally:
            self.browser.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": desktop})
            shop.shutdown()
        print("ok - tapping the AR and the 3D link sends `AR Viewed` and `3D Viewed` through the tracking API from the shop's origin", flush=True)

    def quiz_builder_and_snippet(self):
        """A manager builds a quiz in the workspace (results, questions, settings), a shop's page on
        another origin embeds it, and a visitor's answers bring the result with its product."""
        self.sign_in("manager@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        self.browser.find_element(By.LINK_TEXT, "Forms").click()
        self.wait(seen.presence_of_element_located((By.ID, "form-new")))
        self.browser.find_element(By.ID, "form-new-name").send_keys("Which scarf suits you?")
        Select(self.browser.find_element(By.ID, "form-new-kind")).select_by_value("quiz")
        self.browser.find_element(By.CSS_SELECTOR, "#form-new button[type=submit]").click()
        self.wait(seen.presence_of_element_located((By.ID, "form-add-result")))
        form_id = self.browser.current_url.rstrip("/").split("/")[-1].split("?")[0]
        for key, title, products in [("warm", "The merino scarf", self.scarf["id"]), ("light", "A silk scarf", "")]:
            self.browser.find_element(By.ID, "result-key").send_keys(key)
            self.browser.find_element(By.ID, "result-title").send_keys(title)
            self.browser.find_element(By.ID, "result-products").send_keys(products)
            self.browser.find_element(By.CSS_SELECTOR, "#form-add-result button[type=submit]").click()
            self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, f"[data-result='{key}']")))
        for key, label, kind, attribute, options in [
            ("winter", "How cold are your winters?", "choice", "winter", "cold | Freezing | warm\nmild | Mild | light"),
            ("email", "Your e-mail", "email", "", ""),
        ]:
            self.browser.find_element(By.ID, "question-key").send_keys(key)
            self.browser.find_element(By.ID, "question-label").send_keys(label)
            Select(self.browser.find_element(By.ID, "question-kind")).select_by_value(kind)
            self.browser.find_element(By.ID, "question-attribute").send_keys(attribute)
            self.browser.find_element(By.ID, "question-options").send_keys(options)
            self.browser.find_element(By.CSS_SELECTOR, "#form-add-question button[type=submit]").click()
            self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, f"[data-question='{key}']")))
        check(not self.unlabelled_fields(), f"every field of the form builder has a label: {self.unlabelled_fields()}")

        workspace = self.api("GET", f"/api/v1/products/{self.scarf['id']}/reviews")["public_url"].split("/")[-2]
        page = ('<!doctype html><html><head><title>Scarf finder</title></head><body><h1>Scarf finder</h1><div id="rapport-form"></div>'
                f'<script src="{self.base}/form.js" data-workspace="{workspace}" data-form="{form_id}" data-key="{self.write_key}" async></script>'
                '</body></html>')
        shop = shop_page(page)
        try:
            Select(self.browser.find_element(By.ID, "form-status")).select_by_value("live")
            origins = self.browser.find_element(By.ID, "form-origins")
            origins.clear()
            origins.send_keys(f"http://127.0.0.1:{shop.server_port}")
            self.browser.find_element(By.ID, "form-purposes").send_keys("marketing")
            self.browser.find_element(By.ID, "form-consent-text").send_keys("Send me news about new scarves.")
            save = self.browser.find_element(By.CSS_SELECTOR, "#form-settings button[type=submit]")
            save.click()
            self.wait(seen.staleness_of(save))
            notice = self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, ".form-builder .notice"))).text
            check("Saved" in notice and form_id in self.browser.find_element(By.CSS_SELECTOR, "#form-embed code").text,
                  "the builder saves the quiz live and shows the code that embeds it")
            self.shot("form-builder")

            self.browser.get(f"http://127.0.0.1:{shop.server_port}/")
            self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, "#rapport-form form")))
            self.browser.find_element(By.XPATH, "//label[contains(., 'Freezing')]/input").click()
            self.browser.find_element(By.CSS_SELECTOR, "#rapport-form input[type=email]").send_keys("winter.walker@example.com")
            self.browser.find_element(By.CSS_SELECTOR, "#rapport-form input[type=checkbox]").click()
            self.browser.find_element(By.CSS_SELECTOR, "#rapport-form button[type=submit]").click()
            outcome = self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, "#rapport-form [data-outcome]"))).text
            check("The merino scarf" in outcome and "Merino scarf" in outcome and "confirm" in outcome,
                  f"the visitor's answer brings the quiz's result with its product, and asks to confirm the e-mail ({outcome})")
            self.shot("form-snippet")
            errors = self.page_errors()
            check(not errors, f"the shop's page with the quiz logged no errors (CORS, scripts): {errors}")
        finally:
            shop.shutdown()
        answers = self.api("GET", f"/api/v1/forms/{form_id}/responses")["data"]
        check([(item["result"], item["answers"].get("winter")) for item in answers] == [("warm", "cold")],
              f"the answer is stored with its result ({answers})")
        self.browser.get(f"{self.base}/forms/{form_id}")
        listed = self.wait(seen.presence_of_element_located((By.ID, "form-answers"))).text
        check("winter: cold" in listed and "confirmation mailed" in listed, f"the builder lists the answer ({listed})")

    def bot_setup(self):
        self.sign_in("manager@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        self.browser.find_element(By.LINK_TEXT, "Bot").click()
        self.wait(seen.presence_of_element_located((By.ID, "try-text"))).send_keys("hi, can I return the shoes from order #1001?")
        self.browser.find_element(By.CSS_SELECTOR, "form[action='/bot/try'] button[type=submit]").click()
        intent = self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, "#try-result [data-intent]"))).text
        entities = self.browser.find_element(By.ID, "try-result").text
        check(intent == "start_return" and "1001" in entities, f"trying a message shows its intent and order number ({intent})")
        chat = self.browser.find_elements(By.CSS_SELECTOR, "#settings input[name=inbox_id]:checked")
        check(len(chat) == 1, "the demo's web chat is answered by the bot")
        check(not self.unlabelled_fields(), f"every field of the bot page has a label: {self.unlabelled_fields()}")
        self.shot("bot")

    def open_shop_chat(self):
        """A shop's page on another origin with the demo's chat widget, opened: the inbox, the
        page's server (to shut down) and the message field."""
        inbox = next(i for i in self.api("GET", "/api/v1/inboxes")["data"] if i["channel"] == "webchat")
        page = f'<!doctype html><title>Shop</title><h1>Shop</h1><script src="{self.base}/widget.js" data-inbox="{inbox["id"]}"></script>'
        shop = shop_page(page)
        self.browser.get(f"http://127.0.0.1:{shop.server_port}/")
        self.wait(seen.element_to_be_clickable((By.XPATH, "//button[text()='Chat with us']"))).click()
        return inbox, shop, self.wait(seen.visibility_of_element_located((By.ID, "rapport-chat-input")))

    def customer_chats_with_bot(self):
        """A shopper on another site chats through the embedded widget: the bot checks who they
        are, tells the order's status, and hands over to a person, who finds the summary note."""
        order = next(o for o in self.api("GET", "/api/v1/orders?status=delivered&limit=50")["data"] if o.get("email"))
        _, shop, field = self.open_shop_chat()
        try:
            def say(text, expect):
                field.send_keys(text + "\n")
                return self.wait(lambda browser: any(expect in item.text for item in browser.find_elements(By.CSS_SELECTOR, "section[aria-label=Chat] li")), 30)

            say(f"Hi, where is my order #{order['number']}?", "postcode")
            say(order["email"], f"Order #{order['number']}")
            say("I want to talk to a person", "colleague")
            self.shot("chat-with-bot")
        finally:
            shop.shutdown()
        self.sign_in("manager@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        self.browser.get(self.base + "/inbox?channel=webchat")
        self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, "a[href^='/inbox/cnv_']"))).click()
        note = self.wait(lambda browser: next((item for item in browser.find_elements(By.CSS_SELECTOR, "#messages li") if "Bot hand-off" in item.text), None))
        check(f"#{order['number']}" in note.text and "customer asked for a person" in note.text, "the agent finds the bot's hand-off note with the order")

    def visitor_answers_chat_survey(self):
        """A shopper's chat is resolved; the CSAT comes into the widget as a card, they press 5,
        the bot asks the reason, and their next message is the answer's comment."""
        self.api("PUT", "/api/v1/surveys/settings", {"csat_after_conversations": True, "quiet_days": 0})
        inbox, shop, field = self.open_shop_chat()
        try:
            field.send_keys("Is the blue mug back in stock?\n")
            items = "section[aria-label=Chat] li"
            self.wait(lambda browser: any("blue mug" in item.text for item in browser.find_elements(By.CSS_SELECTOR, items)), 30)
            conversation = next(c for c in self.api("GET", f"/api/v1/conversations?inbox_id={inbox['id']}&limit=100")["data"]
                                if c["status"] != "resolved" and any("blue mug" in (m.get("text") or "") for m in
                                                                     self.api("GET", f"/api/v1/conversations/{c['id']}/messages")["data"]))
            self.api("POST", f"/api/v1/conversations/{conversation['id']}/resolve")
            card = self.wait(seen.presence_of_element_located((By.CSS_SELECTOR, items + " [role=group]")), 30)
            scores = [button.text for button in card.find_elements(By.TAG_NAME, "button")]
            check(scores == ["1", "2", "3", "4", "5"], f"the CSAT comes as a card with a button per score ({scores})")
            check("very unsatisfied" in card.get_attribute("aria-label"), "the card's group says what the scale means")
            self.shot("chat-survey-card")
            card.find_element(By.XPATH, ".//button[text()='5']").click()
            self.wait(lambda browser: any("main reason" in item.text for item in browser.find_elements(By.CSS_SELECTOR, items)), 30)
            check(all(not button.is_enabled() for button in card.find_elements(By.TAG_NAME, "button")),
                  "once answered, the card's buttons are done")
            field.send_keys("The bot found it in seconds\n")
            self.wait(lambda browser: any("Thank you for your answer." in item.text for item in browser.find_elements(By.CSS_SELECTOR, items)), 30)
            self.shot("chat-survey-answered")
        finally:
            shop.shutdown()
            self.api("PUT", "/api/v1/surveys/settings", {"csat_after_conversations": False})
        answered = self.api("GET", "/api/v1/surveys?kind=csat&status=answered")["data"]
        check(any(survey["score"] == 5 and survey["comment"] == "The bot found it in seconds" and survey["answered_via"] == "webchat"
                  for survey in answered), "the card's 5 and the reason typed after it are on the survey")

    def sales_board(self):
        """An agent drags a deal to the next stage on the board (Pointer Events), moves it back
        and down with the arrow keys; the columns, the totals and the announcements follow, and
        the API has each move. Then they complete a task from My day."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        agent = next(user for user in self.api("GET", "/api/v1/agents")["data"] if user["email"] == "agent@demo.rapport.test")
        pipeline = self.api("POST", "/api/v1/pipelines", {"name": "Wholesale", "stages": [
            {"name": "Qualified", "probability": 20}, {"name": "Proposal", "probability": 50}]})
        qualified, proposal = pipeline["stages"][0]["id"], pipeline["stages"][1]["id"]

        def deal(title, amount):
            return self.api("POST", "/api/v1/deals", {"title": title, "pipeline_id": pipeline["id"], "stage": "Qualified",
                                                      "amount": amount, "currency": "EUR", "owner_id": agent["id"]})["id"]
        robes = deal("Spa robes", 40000)
        linen = deal("Hotel linen", 100000)  # the newest card is at the top
        now = time.time()
        day_end = (now // 86400 + 1) * 86400
        due = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now + (day_end - now) / 2))
        task = self.api("POST", "/api/v1/tasks", {"kind": "call", "title": "Call the hotel's buyer", "owner_id": agent["id"],
                                                  "deal_id": linen, "due_at": due})["id"]

        self.sign_in("agent@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        self.page_errors()
        self.browser.get(f"{self.base}/sales?pipeline_id={pipeline['id']}")
        card = self.wait(seen.presence_of_element_located((By.ID, f"deal-{linen}")))
        target = self.browser.find_element(By.CSS_SELECTOR, f"#stage-{proposal} .cards")
        ActionChains(self.browser).click_and_hold(card).move_by_offset(12, 8).move_by_offset(40, 10) \
            .move_to_element(target).move_by_offset(0, 4).release().perform()
        self.wait(lambda browser: self.api("GET", f"/api/v1/deals/{linen}")["stage_id"] == proposal, 10)
        check(self.browser.find_elements(By.CSS_SELECTOR, f"#stage-{proposal} #deal-{linen}"), "the dragged card sits in the stage it was dropped on")
        proposal_totals = self.settled_text(lambda: self.browser.find_element(By.ID, f"totals-{proposal}"), "1 deal · 1000.00 EUR · weighted 500.00 EUR")
        check(proposal_totals == "1 deal · 1000.00 EUR · weighted 500.00 EUR", f"the stage's totals follow the drag ({proposal_totals})")
        announce = self.browser.find_element(By.ID, "board-announce")
        check("Hotel linen moved to Proposal, 1 of 1." == self.settled_text(announce, "Hotel linen moved to Proposal, 1 of 1."),
              f"the drag is announced ({announce.text!r})")
        self.shot("sales-board")

        card = self.browser.find_element(By.ID, f"deal-{linen}")
        card.send_keys(Keys.ARROW_LEFT)
        self.wait(lambda browser: self.api("GET", f"/api/v1/deals/{linen}")["stage_id"] == qualified, 10)
        check(self.settled_text(announce, "Hotel linen moved to Qualified, 1 of 2.") == "Hotel linen moved to Qualified, 1 of 2.",
              "← takes the card back a stage, to the top, announced")
        self.browser.find_element(By.ID, f"deal-{linen}").send_keys(Keys.ARROW_DOWN)
        self.wait(lambda browser: [d["id"] for d in self.api("GET", f"/api/v1/deals?stage_id={qualified}")["data"]] == [robes, linen], 10)
        check(self.settled_text(announce, "Hotel linen moved to Qualified, 2 of 2.") == "Hotel linen moved to Qualified, 2 of 2.",
              "↓ moves it below the next card, saved in the board's order and announced")
        check(self.browser.switch_to.active_element.get_attribute("id") == f"deal-{linen}", "the moved card keeps the focus")
        qualified_totals = self.settled_text(lambda: self.browser.find_element(By.ID, f"totals-{qualified}"),
                                             "2 deals · 1400.00 EUR · weighted 280.00 EUR")
        check(qualified_totals == "2 deals · 1400.00 EUR · weighted 280.00 EUR", f"the stage heads are read again after each move ({qualified_totals})")
        check(not self.unlabelled_fields(), f"every field of the board has a label: {self.unlabelled_fields()}")
        check(not self.page_errors(), f"the board logs no errors (CSP refusals among them): {self.page_errors()}")

        # A deal deleted by someone else meanwhile: the move is refused, said, and the board read again without it.
        gone = deal("Cancelled order", 5000)
        self.browser.refresh()
        self.wait(seen.presence_of_element_located((By.ID, f"deal-{gone}")))
        self.api("DELETE", f"/api/v1/deals/{gone}")
        self.browser.find_element(By.ID, f"deal-{gone}").send_keys(Keys.ARROW_RIGHT)
        self.wait(lambda browser: not browser.find_elements(By.ID, f"deal-{gone}"), 10)
        announce = self.browser.find_element(By.ID, "board-announce")
        try:
            self.wait(lambda browser: announce.text.startswith("Cancelled order was not moved:"), 10)
        except TimeoutException:
            pass
        said = announce.text
        check(said.startswith("Cancelled order was not moved:") and not said.endswith(".."), f"a refused move is said ({said!r}) and the board shows what the server holds")
        self.page_errors()  # the refused PATCH's 404 is expected

        self.browser.find_element(By.LINK_TEXT, "My day").click()
        self.wait(seen.presence_of_element_located((By.ID, f"task-{task}")))
        self.shot("my-day")
        self.browser.find_element(By.ID, f"done-{task}").click()
        self.wait(seen.presence_of_element_located((By.ID, "day-notice")))
        check(not self.browser.find_elements(By.ID, f"task-{task}"), "a task marked done leaves My day")
        check(self.api("GET", f"/api/v1/tasks/{task}")["status"] == "done", "and is done in the API")

        self.sign_in("manager@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        self.browser.get(f"{self.base}/sales/dashboard?pipeline_id={pipeline['id']}")
        rows = self.wait(lambda browser: browser.find_elements(By.CSS_SELECTOR, f"#rep-activity tr[data-user='{agent['id']}'] td"))
        check([cell.text for cell in rows] == ["1", "2", "0", "3"],
              f"the sales dashboard counts the agent's task and two stage moves, not the move within a stage ({[cell.text for cell in rows]})")
        check(self.browser.find_elements(By.CSS_SELECTOR, "svg.chart rect"), "with server-drawn charts")
        check(not self.page_errors(), f"the dashboard logs no errors: {self.page_errors()}")
        self.shot("sales-dashboard")

    def restart_for_campaigns(self):
        """Campaign links must be https (RFC 8058), but this server's sign-in cookie would not
        survive an https public address on plain-http 127.0.0.1: the server starts again on the
        same database without background work (so it sends no campaign itself), and a
        `rapport worker` with RAPPORT_PUBLIC_URL set to an https address sends them."""
        self.server.kill()
        self.server.wait()
        environment = dict(os.environ, RAPPORT_ALLOW_PRIVATE_TARGETS="1")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.output = open(os.path.join(self.folder, "serve-campaigns.log"), "w+")
        self.server = subprocess.Popen(
            [self.binary, "serve", "--database", self.database, "--port", str(self.port), "--workers", "0"],
            stdout=self.output, stderr=subprocess.STDOUT, env=environment)
        deadline = time.time() + 120
        text = ""
        while "Rapport is listening" not in text:
            if time.time() > deadline or self.server.poll() is not None:
                raise AssertionError("rapport serve did not start again:\n" + text[-3000:])
            time.sleep(0.5)
            self.output.seek(0)
            text = self.output.read()
        self.worker_output = open(os.path.join(self.folder, "worker.log"), "w+")
        self.worker = subprocess.Popen(
            [self.binary, "worker", "--database", self.database], stdout=self.worker_output, stderr=subprocess.STDOUT,
            env=dict(environment, RAPPORT_PUBLIC_URL="https://rapport.example"))

    def campaign(self):
        """A marketer writes an e-mail campaign with the form, previews it as a real customer,
        sends a test to herself and then the campaign, and reads its report: two sent, one left
        out for want of consent, the test not counted."""
        mailbox = next(inbox for inbox in self.api("GET", "/api/v1/inboxes")["data"] if inbox["channel"] == "email")
        self.restart_for_campaigns()
        generated = subprocess.run(
            [self.binary, "dkim", "generate", "--inbox", mailbox["id"], "--domain", "demo.rapport.test", "--selector", "browser",
             "--database", self.database], capture_output=True, text=True, timeout=300,
            env=dict(os.environ, RAPPORT_ALLOW_PRIVATE_TARGETS="1"))
        record = generated.stdout.strip().splitlines()[-1] if generated.stdout.strip() else ""
        check(generated.returncode == 0 and record.startswith("v=DKIM1;"),
              f"rapport dkim generate gives the demo mailbox a key and prints its DNS record ({generated.stderr[-300:]})")
        stamp = f"{time.time():.0f}"
        ids = {}
        for name, agreed in [("Ana", True), ("Budi", True), ("Nora", False)]:
            customer = self.api("POST", "/api/v1/customers", {
                "first_name": name, "locale": "en", "identities": [{"kind": "email", "value": f"{name.lower()}.{stamp}@example.com"}]})
            ids[name] = customer["id"]
            if agreed:
                self.api("POST", f"/api/v1/customers/{customer['id']}/consents",
                         {"purpose": "marketing", "channel": "email", "status": "granted", "source": "form"})
        audience = self.api("POST", "/api/v1/segments", {"name": f"Quill fans {stamp}", "kind": "list"})
        self.api("POST", f"/api/v1/segments/{audience['id']}/members", {"customer_ids": list(ids.values())})

        self.sign_in("marketer@demo.rapport.test")
        self.wait(seen.url_contains("/customers"))
        self.page_errors()  # What earlier pages logged is not this check's.
        self.browser.find_element(By.LINK_TEXT, "Campaigns").click()
        self.wait(seen.url_contains("/campaigns"))
        self.browser.find_element(By.LINK_TEXT, "New campaign").click()
        self.wait(seen.presence_of_element_located((By.ID, "campaign-form")))
        name = f"Autumn quills {stamp}"
        self.browser.find_element(By.ID, "campaign-name").send_keys(name)
        Select(self.browser.find_element(By.ID, "campaign-inbox")).select_by_value(mailbox["id"])
        self.browser.find_element(By.CSS_SELECTOR, f"#campaign-segments input[value='{audience['id']}']").click()
        self.browser.find_element(By.ID, "campaign-subject").send_keys('Hi {{customer.first_name | default: "there"}}, new quills')
        self.browser.find_element(By.ID, "campaign-body").send_keys('Hello {{customer.first_name | default: "friend"}}, **ten** new quills are in.')
        holdout = self.browser.find_element(By.ID, "campaign-holdout")
        holdout.clear()
        holdout.send_keys("0")
        check(not self.unlabelled_fields(), f"every field of the campaign form has a label: {self.unlabelled_fields()}")
        self.shot("campaign-form")
        self.browser.find_element(By.ID, "save-campaign").click()
        self.wait(seen.url_matches(r"/campaigns/cmp_\w+$"))
        page = self.browser.current_url
        status = self.browser.find_element(By.ID, "campaign-status").get_attribute("data-status")
        subject = self.browser.find_element(By.ID, "preview-subject").text
        check(status == "draft" and subject == "Hi there, new quills",
              f"the form saves a draft, whose page previews it as a sample customer with every fallback showing ({status}, {subject})")

        Select(self.browser.find_element(By.ID, "preview-customer")).select_by_value(ids["Ana"])
        self.browser.find_element(By.ID, "show-preview").click()
        self.wait(seen.url_contains(f"customer_id={ids['Ana']}"))
        subject = self.browser.find_element(By.ID, "preview-subject").text
        self.browser.switch_to.frame(self.browser.find_element(By.ID, "preview-frame"))
        try:
            body = self.wait(lambda browser: next((text for text in [browser.find_element(By.TAG_NAME, "body").text] if "Hello" in text), None))
        finally:
            self.browser.switch_to.default_content()
        check(subject == "Hi Ana, new quills" and "Hello Ana, ten new quills are in." in body,
              "previewed as Ana, the subject and the e-mail in its sandboxed frame have her first name")
        self.shot("campaign-preview")

        before = len(self.sink.messages)
        self.browser.find_element(By.ID, "send-test").click()
        notice = self.wait(seen.presence_of_element_located((By.ID, "campaign-notice"))).text
        deadline = time.time() + 20
        while len(self.sink.messages) == before and time.time() < deadline:
            time.sleep(0.2)
        tests = [(to, subject) for to, subject in self.sink.subjects[before:]]
        check(notice.startswith("A test went to you at marketer@demo.rapport.test")
              and tests == [(["marketer@demo.rapport.test"], "[Test] Hi Ana, new quills")],
              f"a test of Ana's version reaches the marketer's own address through the SMTP server ({tests})")

        self.browser.find_element(By.ID, "send-campaign").click()
        self.wait(seen.url_contains("done=sending"))
        check(self.browser.find_element(By.ID, "campaign-status").get_attribute("data-status") == "sending", "Send now starts sending")
        deadline = time.time() + 90
        while True:
            self.browser.get(page)
            status = self.browser.find_element(By.ID, "campaign-status").get_attribute("data-status")
            if status == "sent" or time.time() > deadline:
                break
            time.sleep(1)
        sent = self.browser.find_element(By.CSS_SELECTOR, "#stat-sent .figure").text
        left_out = self.browser.find_element(By.CSS_SELECTOR, "#skip-reasons tr[data-reason='no_consent'] td.num").text
        check(status == "sent" and sent == "2" and left_out == "1",
              f"the worker sends it, and the report shows 2 sent and 1 left out for want of consent, not the test ({status}, {sent}, {left_out})")
        check(self.browser.find_elements(By.CSS_SELECTOR, ".campaign-chart svg.chart rect"), "... and the messages over time as an inline SVG chart")
        results = self.browser.find_element(By.ID, "campaign-results").text
        orders = self.browser.find_element(By.CSS_SELECTOR, "#result-orders .figure").text
        check(orders == "0" and "No one was held out" in results,
              f"... and what it brought: no order yet, and no holdout to measure the lift against ({results[:200]!r})")
        received = sorted(to[0] for to, body in self.sink.messages[before:] if "new quills are in" in body and to != ["marketer@demo.rapport.test"])
        check(received == sorted(f"{name.lower()}.{stamp}@example.com" for name in ("Ana", "Budi")),
              f"the SMTP server received the campaign for Ana and Budi only ({received})")
        self.shot("campaign-report")
        errors = self.page_errors()
        check(not errors, f"the campaign pages and the preview frame logged no errors (scripts, CSP, loads): {errors}")
        check(not self.unlabelled_fields(), f"every field of the campaign page has a label: {self.unlabelled_fields()}")

        self.browser.get(self.base + "/campaigns")
        row = self.browser.find_element(By.XPATH, f"//table[@id='campaigns']//tr[td/a[text()='{name}']]")
        check(row.find_element(By.CSS_SELECTOR, "td.sent").text == "2", "the campaigns page lists it with its sent count")
        self.browser.set_window_size(390, 844)
        self.browser.get(page)
        width = self.browser.execute_script("return document.documentElement.scrollWidth")
        self.browser.set_window_size(1280, 900)
        check(width <= 390, f"a campaign's page fits a 390 px phone without sideways scrolling ({width} px)")

    def sms_campaign(self):
        """A marketer writes an SMS campaign: choosing SMS shows its text area, whose counter says
        how many characters, which encoding and how many SMS while she types, for a GSM text and a
        Unicode one; the saved campaign's page shows the same counts, made by the server's
        SMSSegments. The counter's own code counts every shared vector as SMSSegments does."""
        stamp = f"{time.time():.0f}"
        sms_inbox = next(inbox for inbox in self.api("GET", "/api/v1/inboxes")["data"] if inbox["channel"] == "sms")
        audience = self.api("POST", "/api/v1/segments", {"name": f"SMS fans {stamp}", "kind": "list"})
        self.sign_in("marketer@demo.rapport.test")
        self.wait(seen.url_contains("/customers"))
        self.page_errors()  # What earlier pages logged is not this check's.
        self.browser.get(self.base + "/campaigns/new")
        self.wait(seen.presence_of_element_located((By.ID, "campaign-form")))

        with open(os.path.join(FIXTURES, "sms-segments.json"), encoding="utf-8") as file:
            vectors = json.load(file)
        counted = self.browser.execute_async_script("""
            const [vectors, done] = arguments;
            import("/assets/sms-segments.js").then(
              (counter) => done(vectors.map((vector) => counter.smsSegments(vector.text))), (error) => done(String(error)));
        """, vectors)
        if not isinstance(counted, list):
            raise AssertionError(f"the page's SMS counter could not be imported: {counted}")
        keys = ("encoding", "units", "segments", "remaining")
        wrong = [vector["text"][:24] for vector, count in zip(vectors, counted) if [count.get(key) for key in keys] != [vector[key] for key in keys]]
        check(len(counted) == len(vectors) and not wrong, f"the page's SMS counter counts all {len(vectors)} shared vectors as SMSSegments does ({wrong})")

        self.browser.find_element(By.CSS_SELECTOR, "input[name=channel][value=sms]").click()
        check(self.browser.find_element(By.ID, "campaign-sms-text").is_displayed() and not self.browser.find_element(By.ID, "campaign-subject").is_displayed(),
              "choosing SMS shows the SMS text and hides the e-mail's fields")
        Select(self.browser.find_element(By.ID, "campaign-inbox")).select_by_value(sms_inbox["id"])
        self.browser.find_element(By.ID, "campaign-name").send_keys(f"Quill SMS {stamp}")
        self.browser.find_element(By.CSS_SELECTOR, f"#campaign-segments input[value='{audience['id']}']").click()
        text = self.browser.find_element(By.ID, "campaign-sms-text")
        counter = self.browser.find_element(By.ID, "campaign-sms-count")
        text.send_keys(SMS_UNICODE)
        shown = self.settled_text(counter, sms_words(SMS_UNICODE))
        check(shown == sms_words(SMS_UNICODE) and shown.endswith("UCS-2 · 2 SMS"),
              f"typing a text with an en dash, the counter says {shown!r} (the rules: {sms_words(SMS_UNICODE)!r})")
        text.clear()
        text.send_keys(SMS_GSM)
        shown = self.settled_text(counter, sms_words(SMS_GSM))
        check(shown == sms_words(SMS_GSM) and shown.endswith("GSM-7 · 1 SMS"),
              f"typing a GSM text ({{ }} | € count two, the line break one), the counter says {shown!r} (the rules: {sms_words(SMS_GSM)!r})")
        self.browser.find_element(By.CSS_SELECTOR, "#campaign-variant summary").click()
        self.browser.find_element(By.ID, "variant-locale").send_keys("id")
        self.browser.find_element(By.ID, "variant-sms-text").send_keys(SMS_UNICODE)
        variant_counter = self.browser.find_element(By.ID, "variant-sms-count")
        typed = {"en": counter.text, "id": self.settled_text(variant_counter, sms_words(SMS_UNICODE))}
        check(not self.unlabelled_fields(), f"every field of the campaign form has a label: {self.unlabelled_fields()}")
        self.shot("campaign-form-sms")
        self.browser.find_element(By.ID, "save-campaign").click()
        self.wait(seen.url_matches(r"/campaigns/cmp_\w+$"))
        shown = {locale: self.browser.find_element(By.CSS_SELECTOR, f".sms-count[data-locale='{locale}']").text for locale in ("en", "id")}
        check(shown == typed, f"the saved campaign's page counts both texts as the counter did while typing ({shown}, {typed})")
        errors = self.page_errors()
        check(not errors, f"the SMS form and page logged no errors (scripts, CSP, loads): {errors}")

    def journey(self):
        """A marketer switches on the built-in thank-you and review request with the demo
        mailbox (which the campaign step gave a DKIM key) and publishes it from its page, which
        draws the flow as an inline SVG with a box per step; the page fits a phone."""
        mailbox = next(inbox for inbox in self.api("GET", "/api/v1/inboxes")["data"] if inbox["channel"] == "email")
        self.sign_in("marketer@demo.rapport.test")
        self.wait(seen.url_contains("/customers"))
        self.page_errors()
        self.browser.find_element(By.LINK_TEXT, "Journeys").click()
        self.wait(seen.url_contains("/journeys"))
        form = self.browser.find_element(By.CSS_SELECTOR, "form[data-template='post_purchase_review']")
        Select(form.find_element(By.NAME, "inbox_id")).select_by_value(mailbox["id"])
        check(not self.unlabelled_fields(), f"every field of the journeys page has a label: {self.unlabelled_fields()}")
        self.shot("journeys")
        form.find_element(By.ID, "switch-on-post_purchase_review").click()
        self.wait(seen.url_matches(r"/journeys/jny_\w+"))
        check(self.browser.find_element(By.ID, "journey-status").get_attribute("data-status") == "draft", "switching on makes a draft")
        steps = [box.get_attribute("data-step") for box in self.browser.find_elements(By.CSS_SELECTOR, "#journey-flow svg.journey-flow g.step")]
        check(steps == ["a_day", "thanks", "six_days", "review_request", "five_days", "opened", "reminder", "five_more_days",
                        "opened_after_reminder", "last_reminder"], f"the flow draws each step in order ({steps})")
        self.browser.find_element(By.ID, "publish-journey").click()
        self.wait(seen.presence_of_element_located((By.ID, "journey-notice")))
        check(self.browser.find_element(By.ID, "journey-status").get_attribute("data-status") == "live", "Publish makes it live")
        check(self.browser.find_elements(By.ID, "pause-journey"), "a live journey can be paused")
        self.shot("journey")
        errors = self.page_errors()
        check(not errors, f"the journey pages logged no errors (scripts, CSP, loads): {errors}")
        page = self.browser.current_url
        self.browser.set_window_size(390, 844)
        self.browser.get(page)
        width = self.browser.execute_script("return document.documentElement.scrollWidth")
        self.browser.set_window_size(1280, 900)
        check(width <= 390, f"a journey's page fits a 390 px phone without sideways scrolling ({width} px)")
        self.build_journey()

    def build_journey(self):
        """The marketer builds a journey of their own: started on `order.delivered`, a message
        added after the first wait and its subject typed into its field, a bad wait refused
        with the field named, then published."""
        self.browser.get(self.base + "/journeys")
        self.browser.find_element(By.ID, "new-journey-name").send_keys("Delivered, said thanks")
        Select(self.browser.find_element(By.ID, "new-journey-trigger")).select_by_value("order.delivered")
        self.submit_and_wait("start-journey")
        check(self.browser.find_element(By.ID, "edit-step-start").get_attribute("open") is not None, "the new journey's first step is open to edit")
        hours = self.browser.find_element(By.ID, "step-start-duration-hours")
        hours.clear()
        hours.send_keys("0")
        self.submit_and_wait("save-step-start")
        check(self.browser.find_elements(By.ID, "journey-error"), "the refused save shows why")
        refused = self.page_errors()
        check(all("422" in error for error in refused), f"the refusal is the only thing the browser logged ({refused})")
        check("steps[0].duration" in self.browser.find_element(By.ID, "journey-error").text, "a wait of nothing is refused, naming the field")
        hours = self.browser.find_element(By.ID, "step-start-duration-hours")
        check(hours.get_attribute("value") == "0", "the refused value stays in its field")
        hours.clear()
        hours.send_keys("24")
        self.submit_and_wait("save-step-start")
        check(self.browser.find_elements(By.ID, "journey-notice"), "the wait of a day is saved")
        self.unstale(lambda: Select(self.browser.find_element(By.ID, "new-step-type")).select_by_value("send"))
        self.unstale(lambda: self.browser.find_element(By.ID, "new-step-key").send_keys("thanks"))
        self.unstale(lambda: Select(self.browser.find_element(By.ID, "new-step-after")).select_by_value("start"))
        self.submit_and_wait("add-step-button")
        subject = self.browser.find_element(By.ID, "step-thanks-content-en-subject")
        subject.clear()
        subject.send_keys("Thank you for your order")
        check(not self.unlabelled_fields(), f"every field of the journey editor has a label: {self.unlabelled_fields()}")
        self.shot("journey-editor")
        self.submit_and_wait("save-step-thanks")
        steps = [box.get_attribute("data-step") for box in self.browser.find_elements(By.CSS_SELECTOR, "#journey-flow svg.journey-flow g.step")]
        check(steps == ["start", "thanks"], f"the flow draws the steps built ({steps})")
        self.submit_and_wait("publish-journey")
        # Read again when the page swapped the node meanwhile (Chrome: "does not belong to the document").
        status = self.wait(lambda browser: self.unstale(lambda: browser.find_element(By.ID, "journey-status").get_attribute("data-status")) == "live")
        check(status, "the journey built is published")
        journey = self.browser.current_url.split("/journeys/")[1].split("?")[0]
        shown = self.api("GET", f"/api/v1/journeys/{journey}")
        check("Thank you for your order" in json.dumps(shown), "the published journey carries the subject typed in its field")
        errors = self.page_errors()
        check(not errors, f"the journey editor logged no errors (scripts, CSP, loads): {errors}")

    def submit_and_wait(self, button_id):
        """Clicks a form's button and waits for the page it sends the browser to (the old one gone)."""
        button = self.browser.find_element(By.ID, button_id)
        button.click()
        self.wait(seen.staleness_of(button))
        # The old page is gone; let the new one finish loading before anything is looked up on
        # it (a redirect's page found half-built loses its nodes: "does not belong to the document").
        self.wait(lambda browser: browser.execute_script("return document.readyState") == "complete")
        self.wait(lambda browser: browser.execute_script("return document.readyState") == "complete")

    def sign_out_everywhere(self):
        self.sign_in("manager@demo.rapport.test")
        self.wait(seen.url_contains("/inbox"))
        self.browser.find_element(By.CSS_SELECTOR, ".account summary").click()
        self.browser.find_element(By.XPATH, "//button[text()='Sign out everywhere']").click()
        self.wait(seen.url_contains("/login"))
        self.browser.get(self.base + "/inbox")
        check("/login" in self.browser.current_url, "after signing out everywhere the inbox asks to sign in again")


def main():
    binary, shots = sys.argv[1], sys.argv[2]
    suite = Suite(binary, shots)
    try:
        suite.start()
        suite.login_page()
        suite.agent_replies_by_email()
        suite.customer_answers_survey()
        suite.keyboard()
        suite.keyboard_only()
        suite.escaping()
        suite.phone()
        suite.marketer()
        suite.segment_builder()
        suite.manager_and_admin()
        suite.loyalty_and_reviews()
        suite.product_snippet()
        suite.quiz_builder_and_snippet()
        suite.bot_setup()
        suite.customer_chats_with_bot()
        suite.visitor_answers_chat_survey()
        suite.sales_board()
        suite.sign_out_everywhere()
        suite.campaign()
        suite.sms_campaign()
        suite.journey()
    except Exception as error:
        if suite.browser:
            suite.shot("failure")
        print(f"not ok - {error}", flush=True)
        suite.output.seek(0)
        print(suite.output.read()[-4000:])
        suite.stop()
        sys.exit(1)
    suite.stop()
    print(f"browser suite passed; screenshots in {shots}")


if __name__ == "__main__":
    main()
