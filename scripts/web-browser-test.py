#!/usr/bin/env python3
"""Browser test of `binhai serve`: the what-if page used as a planner would, in headless Chromium.

Starts its own server from $BINHAI (`serve --port <free> --db <tmp>/whatifs.sqlite`), then:
  a. start page lists the shipped scenarios;
  b. opens what-if-weak-fdi in the editor (P(target met), fan chart);
  c. foreign lead rate 1 → 0.3, Run: P lower, chart different, baseline P unchanged;
  d. language toggle → English page; the change is re-applied in English;
  e. saves the what-if under a name with markup in it: shown as text, no script runs;
  f. the saved what-if is listed on the start page and opens;
  g. its YAML run by `binhai run` gives the page's P exactly; its briefing zip holds the set;
  h. an invalid YAML edit (draws: lots) is reported with line:column and key.
Every step saves a screenshot under .build/web-screenshots/NN-name.png and checks that it is not
blank. Prints "ok  step ..." per step; exits non-zero with a message at the first failure.
The server is stopped in every case.

Needs: selenium, pillow (scripts/web-requirements.txt), /usr/bin/chromium, /usr/bin/chromedriver.
"""

import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

from PIL import Image
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / ".build" / "web-screenshots"
SCENARIOS = ROOT / "scenarios"
HEALTH_TIMEOUT = 120  # s for the server to answer /api/v1/health
PAGE_TIMEOUT = 300  # s for one page (the first start page runs every shipped scenario)
XSS_NAME = "<script>alert(1)</script> weak FDI"
LEAD_RATE = "engine.sources.foreign.lead_rate"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def ok(step, detail=""):
    print(f"ok  step {step}" + (f": {detail}" if detail else ""), flush=True)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# MARK: Server


class Server:
    def __init__(self, binary, tmp):
        self.binary = binary
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(tmp) / "server.log"
        self.db = Path(tmp) / "whatifs.sqlite"
        self.process = None

    def start(self):
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--port", str(self.port), "--db", str(self.db)],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + HEALTH_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Failure(f"the server exited with status {self.process.returncode} before answering:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base + "/api/v1/health", timeout=5) as r:
                    body = json.loads(r.read())
                    if r.status == 200 and body.get("status") == "ok":
                        return
            except (urllib.error.URLError, ConnectionError, OSError, ValueError):
                pass
            time.sleep(0.5)
        raise Failure(f"GET /api/v1/health did not answer within {HEALTH_TIMEOUT} s:\n{self.log_tail()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=15)
        finally:
            self.log.close()

    def log_tail(self, lines=30):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"


# MARK: Browser helpers


def make_driver():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,2400", "--lang=en-US"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(PAGE_TIMEOUT)
    return driver


def screenshot(driver, number, name):
    """Saves .build/web-screenshots/NN-name.png and checks that it shows something."""
    path = SHOTS / f"{number:02d}-{name}.png"
    check(driver.save_screenshot(str(path)), f"could not save the screenshot {path}")
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 24)
        distinct = len(colours)
        total = rgb.width * rgb.height
        whiteish = sum(count for count, (r, g, b) in colours if min(r, g, b) >= 240)
    check(distinct > 50, f"screenshot {path.name} looks blank: only {distinct} distinct colours")
    check(whiteish / total < 0.97, f"screenshot {path.name} looks blank: {100 * whiteish / total:.1f}% of its pixels are white")
    return path


def wait(driver, timeout=PAGE_TIMEOUT):
    return WebDriverWait(driver, timeout, poll_frequency=0.25)


def wait_for_page(driver, old_html=None):
    """After a click that navigates: the old document is gone and the new one loaded."""
    if old_html is not None:
        try:
            wait(driver).until(EC.staleness_of(old_html))
        except TimeoutException:
            raise Failure(f"the page did not change within {PAGE_TIMEOUT} s (at {driver.current_url})")
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")


def click_and_wait(driver, element):
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    wait_for_page(driver, old)


def no_alert(driver, where):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        raise Failure(f"{where}: a JavaScript alert is open ({text!r}): the name was run as script")
    except NoAlertPresentException:
        pass


def one(driver, selector, what=None):
    found = driver.find_elements(By.CSS_SELECTOR, selector)
    check(found, f"{what or selector} not found on {driver.current_url}: {page_problems(driver)}")
    return found[0]


def page_problems(driver):
    """The page's own error text, to say why a step failed."""
    for selector in ("#problems", "#error-message", "h1"):
        found = driver.find_elements(By.CSS_SELECTOR, selector)
        if found:
            return f"{selector}: {found[0].text.strip()[:500]!r}"
    return "(no heading)"


def probability(driver, selector="#p-target-met"):
    raw = one(driver, selector).get_attribute("data-value")
    try:
        p = float(raw)
    except (TypeError, ValueError):
        raise Failure(f"{selector} data-value is not a number: {raw!r}")
    check(0.0 <= p <= 1.0, f"{selector} data-value {p} is not in [0, 1]")
    return p, raw


def fan_chart(driver):
    figure = one(driver, "figure#fan-chart")
    svgs = figure.find_elements(By.TAG_NAME, "svg")
    check(svgs, "figure#fan-chart holds no inline <svg>")
    svg = svgs[0].get_attribute("outerHTML")
    check(len(svg) > 1000, f"the fan chart SVG is only {len(svg)} characters")
    return svg, figure.get_attribute("data-digest")


def set_number(driver, name, value):
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)
    check(field.get_attribute("value") == value, f"{name} holds {field.get_attribute('value')!r} after typing {value!r}")


def fetch(url, timeout=PAGE_TIMEOUT):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read()
    except urllib.error.HTTPError as e:
        raise Failure(f"GET {url}: HTTP {e.code}: {e.read()[:500]!r}")


# MARK: Steps


def run(binary, server, driver):
    base = server.base
    shots = iter(range(1, 100))

    # a. Start page.
    t = time.monotonic()
    driver.get(base + "/")
    rows = driver.find_elements(By.CSS_SELECTOR, "#shipped tr[data-id]")
    ids = [r.get_attribute("data-id") for r in rows]
    check(len(ids) >= 2, f"#shipped lists {len(ids)} rows: {ids}")
    check("doubling-2020-2025" in ids, f"doubling-2020-2025 is not in #shipped: {ids}")
    check("what-if-weak-fdi" in ids, f"what-if-weak-fdi is not in #shipped: {ids}")
    screenshot(driver, next(shots), "start")
    ok("a start page", f"{len(ids)} shipped scenarios ({time.monotonic() - t:.1f} s)")

    # b. Open what-if-weak-fdi in the editor.
    t = time.monotonic()
    link = one(driver, '#shipped tr[data-id="what-if-weak-fdi"] a.open-scenario')
    click_and_wait(driver, link)
    check("/edit" in driver.current_url, f"the link opened {driver.current_url}, not the editor")
    p_before, raw_before = probability(driver)
    svg_before, digest_before = fan_chart(driver)
    lead = driver.find_element(By.NAME, LEAD_RATE)
    check(float(lead.get_attribute("value")) == 1.0, f"{LEAD_RATE} starts at {lead.get_attribute('value')!r}, not 1")
    screenshot(driver, next(shots), "editor-weak-fdi")
    ok("b editor", f"P(target met) {raw_before}, fan chart {len(svg_before)} chars ({time.monotonic() - t:.1f} s)")

    # c. Foreign lead rate 1 → 0.3 and run.
    t = time.monotonic()
    set_number(driver, LEAD_RATE, "0.3")
    click_and_wait(driver, one(driver, "#run-button"))
    p_after, raw_after = probability(driver)
    svg_after, digest_after = fan_chart(driver)
    check(p_after != p_before, f"P(target met) is still {raw_after} after the lead rate 1 → 0.3")
    check(p_after < p_before, f"P(target met) rose from {raw_before} to {raw_after} with fewer foreign leads")
    check(svg_after != svg_before, "the fan chart SVG did not change with the lead rate")
    p_base, raw_base = probability(driver, "#p-target-met-base")
    check(p_base == p_before, f"the baseline's P {raw_base} is not the scenario's P {raw_before} from step b")
    check(driver.find_element(By.NAME, LEAD_RATE).get_attribute("value") == "0.3", "the lead-rate field does not show 0.3 after the run")
    screenshot(driver, next(shots), "lead-rate-0.3")
    ok("c lead rate 0.3", f"P {raw_before} → {raw_after}, baseline {raw_base} ({time.monotonic() - t:.1f} s)")

    # d. English (the toggle reopens the shipped scenario; the change is made again in English).
    t = time.monotonic()
    toggle = one(driver, "#lang-toggle")
    check("lang=en" in (toggle.get_attribute("href") or ""), f"#lang-toggle goes to {toggle.get_attribute('href')!r}")
    click_and_wait(driver, toggle)
    lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    check(lang == "en", f'<html lang="{lang}"> after the language toggle')
    check(one(driver, "#run-button").text.strip() == "Run", f"#run-button reads {one(driver, '#run-button').text!r}, not 'Run'")
    p_en, raw_en = probability(driver)
    check(p_en == p_before, f"the English page shows P {raw_en}, the Chinese one {raw_before}")
    set_number(driver, LEAD_RATE, "0.3")
    click_and_wait(driver, one(driver, "#run-button"))
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the run in English answered a page not in English")
    p_en_after, raw_en_after = probability(driver)
    check(p_en_after == p_after, f"in English the lead rate 0.3 gives P {raw_en_after}, in Chinese {raw_after}")
    screenshot(driver, next(shots), "english-lead-rate-0.3")
    ok("d English", f"P {raw_en_after} as in Chinese ({time.monotonic() - t:.1f} s)")

    # e. Save under a name with markup in it.
    t = time.monotonic()
    name_field = one(driver, "#whatif-name")
    name_field.clear()
    name_field.send_keys(XSS_NAME)
    author_field = one(driver, "#whatif-author")
    author_field.clear()
    author_field.send_keys("Browser Test <b>bot</b>")
    click_and_wait(driver, one(driver, "#save-button"))
    no_alert(driver, "after saving")
    url = urllib.parse.urlparse(driver.current_url)
    query = urllib.parse.parse_qs(url.query)
    check(url.path == "/edit" and "whatif" in query and query.get("saved") == ["1"] and query.get("lang") == ["en"],
          f"saving went to {driver.current_url}, not /edit?whatif=ID&lang=en&saved=1: {page_problems(driver)}")
    whatif_id = query["whatif"][0]
    one(driver, "#saved-notice")
    title = one(driver, "#editor-title").text
    check(XSS_NAME in title, f"#editor-title reads {title!r}, not the name {XSS_NAME!r} as text")
    check("<script>" in driver.title, f"the page title {driver.title!r} does not show the name as text")
    check(not driver.find_elements(By.CSS_SELECTOR, "#editor-title *, title ~ script:not([src])"),
          "the name became markup in the page (an element inside #editor-title or an inline script)")
    p_saved, raw_saved = probability(driver)
    check(p_saved == p_after, f"the saved what-if shows P {raw_saved}, the run before saving {raw_after}")
    screenshot(driver, next(shots), "saved")
    ok("e save", f"what-if {whatif_id}, name shown as text, no alert ({time.monotonic() - t:.1f} s)")

    # f. The start page lists it; open it.
    t = time.monotonic()
    driver.get(base + "/?lang=en")
    no_alert(driver, "on the start page")
    saved_rows = driver.find_elements(By.CSS_SELECTOR, "#saved tr[data-id]")
    mine = [r for r in saved_rows if "<script>alert(1)</script>" in r.find_element(By.TAG_NAME, "a").text]
    check(mine, f"#saved lists no what-if named {XSS_NAME!r}: {[r.text for r in saved_rows]}")
    check(mine[0].get_attribute("data-id") == whatif_id, f"the saved row has id {mine[0].get_attribute('data-id')}, not {whatif_id}")
    check(not driver.find_elements(By.CSS_SELECTOR, "#saved script, #saved b"), "the saved name or author became markup in #saved")
    screenshot(driver, next(shots), "start-with-saved")
    click_and_wait(driver, mine[0].find_element(By.TAG_NAME, "a"))
    no_alert(driver, "on the saved what-if")
    check(f"whatif={whatif_id}" in driver.current_url, f"the saved link opened {driver.current_url}")
    check(XSS_NAME in one(driver, "#editor-title").text, "the opened what-if does not show its name")
    p_open, raw_open = probability(driver)
    check(p_open == p_after, f"the reopened what-if shows P {raw_open}, not {raw_after}")
    screenshot(driver, next(shots), "saved-reopened")
    ok("f saved list", f"listed and reopened, P {raw_open} ({time.monotonic() - t:.1f} s)")

    # g. YAML download run by the CLI; briefing zip.
    t = time.monotonic()
    href = one(driver, "#saved-yaml-link").get_attribute("href")
    check(href, "#saved-yaml-link has no href")
    yaml_url = urllib.parse.urljoin(base, href)
    check(urllib.parse.urlparse(yaml_url).path == f"/api/v1/whatifs/{whatif_id}/yaml", f"#saved-yaml-link goes to {href}")
    status, ctype, body = fetch(yaml_url)
    check(status == 200 and "yaml" in ctype, f"GET {href}: {status} {ctype}")
    check(b"0.3" in body, f"the downloaded YAML does not carry the lead rate 0.3:\n{body.decode(errors='replace')}")
    with tempfile.TemporaryDirectory() as tmp:
        yaml_file = Path(tmp) / f"what-if-{whatif_id}.yaml"
        yaml_file.write_bytes(body)
        cli = subprocess.run([binary, "run", str(yaml_file), "--format", "json"], capture_output=True, text=True, timeout=600)
    check(cli.returncode == 0, f"binhai run of the downloaded YAML exited {cli.returncode}:\n{cli.stderr[-2000:]}")
    try:
        result = json.loads(cli.stdout)
    except ValueError as e:
        raise Failure(f"binhai run --format json printed no JSON ({e}): {cli.stdout[:500]!r}")
    cli_p = result.get("probability_target_met")
    check(isinstance(cli_p, (int, float)), f"binhai run's JSON has no probability_target_met: keys {sorted(result)}")
    check(float(cli_p) == p_open, f"binhai run gives P(target met) {cli_p!r}, the page {raw_open}")
    zip_url = f"{base}/api/v1/whatifs/{whatif_id}/briefing.zip?lang=en"
    status, ctype, body = fetch(zip_url)
    check(status == 200 and ctype.startswith("application/zip"), f"GET briefing.zip: {status} {ctype}")
    try:
        names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    except zipfile.BadZipFile as e:
        raise Failure(f"briefing.zip is not a zip file: {e}")
    basenames = {n.rsplit("/", 1)[-1] for n in names}
    missing = [n for n in ("report.html", "briefing.xlsx", "briefing.docx", "forecast.json") if n not in basenames]
    check(not missing, f"briefing.zip lacks {missing}: it holds {names}")
    # The briefing's report.html as a planner opens it from the unpacked zip.
    with tempfile.TemporaryDirectory() as tmp:
        zipfile.ZipFile(io.BytesIO(body)).extractall(tmp)
        report = next(Path(tmp).rglob("report.html"))
        driver.get(report.as_uri())
        check(driver.find_elements(By.TAG_NAME, "svg") or driver.find_elements(By.TAG_NAME, "img"), "report.html shows no chart")
        screenshot(driver, next(shots), "briefing-report")
    ok("g downloads", f"binhai run gives P {cli_p} as the page; zip of {len(names)} files ({time.monotonic() - t:.1f} s)")

    # h. An invalid YAML edit.
    t = time.monotonic()
    driver.get(base + "/edit?scenario=doubling-2020-2025&lang=en")
    click_target = one(driver, "#tab-yaml")
    click_target.click()
    textarea = one(driver, "#yaml-edit")
    wait(driver, 10).until(lambda d: textarea.is_displayed())
    original = (SCENARIOS / "doubling-2020-2025.yaml").read_text()
    check("draws: 20000" in original, "scenarios/doubling-2020-2025.yaml has no 'draws: 20000'")
    shown = textarea.get_attribute("value")
    check(shown.strip() == original.strip(), "the YAML tab does not show scenarios/doubling-2020-2025.yaml")
    broken = original.replace("draws: 20000", "draws: lots", 1)
    # As a planner would: select the number after "draws: " and type over it.
    start = shown.index("draws: 20000") + len("draws: ")
    driver.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);",
                          textarea, start, start + len("20000"))
    ActionChains(driver).send_keys("lots").perform()
    check(textarea.get_attribute("value").strip() == broken.strip(), "the YAML tab does not hold the edited text")
    click_and_wait(driver, one(driver, "#run-button"))
    problems = driver.find_elements(By.CSS_SELECTOR, "#problems")
    check(problems, f"no #problems after running draws: lots ({page_problems(driver)})")
    text = problems[0].text
    check(re.search(r":\d+:\d+", text), f"#problems gives no line:column: {text!r}")
    check("engine.draws" in text, f"#problems does not name engine.draws: {text!r}")
    check(one(driver, "#yaml-edit").get_attribute("value").strip() == broken.strip(), "the YAML tab lost the edited text after the error")
    screenshot(driver, next(shots), "yaml-problem")
    first = " ".join(text.split())
    ok("h invalid YAML", f"{first[:160]} ({time.monotonic() - t:.1f} s)")


def main():
    binary = os.environ.get("BINHAI")
    if not binary:
        print("FAIL: set BINHAI to the binhai binary", file=sys.stderr)
        return 2
    if not os.access(binary, os.X_OK):
        print(f"FAIL: BINHAI={binary} is not an executable file", file=sys.stderr)
        return 2
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("*.png"):
        old.unlink()
    started = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="binhai-web-test-")
    server = Server(binary, tmp)
    driver = None
    status = 0
    try:
        server.start()
        print(f"server {server.base} up after {time.monotonic() - started:.1f} s", flush=True)
        driver = make_driver()
        run(binary, server, driver)
        print(f"web browser test passed in {time.monotonic() - started:.1f} s; screenshots in {SHOTS.relative_to(ROOT)}")
    except Failure as e:
        print(f"FAIL: {e}", file=sys.stderr)
        status = 1
    except (WebDriverException, TimeoutException) as e:
        where = driver.current_url if driver else "(no browser)"
        print(f"FAIL: browser error at {where}: {e.__class__.__name__}: {str(e).strip()[:2000]}", file=sys.stderr)
        status = 1
    finally:
        if status and driver is not None:
            try:
                driver.save_screenshot(str(SHOTS / "failure.png"))
                print(f"  screenshot of the failure: {SHOTS.relative_to(ROOT)}/failure.png", file=sys.stderr)
            except WebDriverException:
                pass
        if driver is not None:
            try:
                driver.quit()
            except WebDriverException:
                pass
        server.stop()
        if status:
            print(f"  server log (last lines):\n{server.log_tail()}", file=sys.stderr)
        shutil.rmtree(tmp, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
