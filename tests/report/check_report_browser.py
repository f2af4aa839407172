#!/usr/bin/python3
"""The HTML report as a reader sees it: `corridor report` of a short comparison, opened in
headless Chromium. No console errors, every image loaded, no request leaves the file (the
page must stay self-contained), every section and chart of report.md rendered, and the
Summary first. A copy with one image broken must fail the same checks, so they can fail.
Usage: check_report_browser.py CORRIDOR SOURCE_DIR SCRATCH_DIR
Exits 77 (skipped) when selenium, chromium or chromedriver is not installed."""

import json
import os
import re
import shutil
import subprocess
import sys
import time

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError:
    print("skipped: python3-selenium is not installed")
    sys.exit(77)
if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
    print(f"skipped: no {CHROMIUM} or {CHROMEDRIVER} (Debian's chromium, chromium-driver)")
    sys.exit(77)

started = time.monotonic()
corridor, source, scratch = (os.path.abspath(argument) for argument in sys.argv[1:4])
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
report = os.path.join(scratch, "report")
# Short runs: the page's structure is under test here, not the numbers.
subprocess.run([corridor, "report", "scenarios/middle-corridor-2025.yaml", "scenarios/zangezur.yaml",
                "--out", report, "-r", "2", "--quiet", "--set", "scenario.horizon_days=200"],
               cwd=source, check=True, stdout=subprocess.DEVNULL)

# The Markdown twin says what the page must show: its sections and its charts.
with open(os.path.join(report, "report.md"), encoding="utf-8") as stream:
    markdown = stream.read()
sections = [re.sub(r"[`*]", "", line[3:]).strip()
            for line in markdown.splitlines() if line.startswith("## ")]
charts = re.findall(r"!\[([^\]]*)\]\(charts/([^)]+)\)", markdown)  # (caption, file)


def check(driver, page):
    """Everything wrong with one page, as lines; [] when it is good."""
    driver.get_log("browser"), driver.get_log("performance")  # drain the previous page's logs
    driver.get("file://" + page)  # returns after the load event: images decoded or failed
    failures = [f"console {entry['level']}: {entry['message']}"
                for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    # Anything fetched from the network would make the page break offline or leak its reader.
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("file://", "data:")):
                failures.append(f"request to {url[:80]}")
    # ... and a relative link works beside the page but not once the page is mailed alone.
    for tag, attribute, value in driver.execute_script(
            "return [...document.querySelectorAll('[src], [href]')].map(e => [e.tagName,"
            " e.hasAttribute('src') ? 'src' : 'href', e.getAttribute('src') ?? e.getAttribute('href')])"):
        if not value.startswith(("data:", "#")):
            failures.append(f"<{tag.lower()} {attribute}=\"{value[:60]}\"> is not embedded")
    loaded = 0
    for number, image in enumerate(driver.find_elements(By.TAG_NAME, "img"), 1):
        complete, width = driver.execute_script(
            "return [arguments[0].complete, arguments[0].naturalWidth]", image)
        if not complete or width == 0:
            failures.append(f"image {number} ('{(image.get_attribute('alt') or '')[:40]}') not loaded")
        elif image.is_displayed():
            loaded += 1
    if loaded != len(charts) or loaded < 4:
        failures.append(f"{loaded} images rendered, report.md has {len(charts)} (at least 4 expected)")
    alts = [image.get_attribute("alt") for image in driver.find_elements(By.TAG_NAME, "img")]
    failures += [f"no image for charts/{name}" for caption, name in charts if caption not in alts]
    headings = [h2.text.strip() for h2 in driver.find_elements(By.TAG_NAME, "h2") if h2.is_displayed()]
    failures += [f"no visible <h2>{section}</h2>" for section in sections if section not in headings]
    if not headings or headings[0] != "Summary":
        failures.append(f"first section is '{headings[0] if headings else ''}', not 'Summary'")
    return failures


def screenshots(driver):
    """Pictures for people to look at, not asserted: the first screen and the map."""
    driver.save_screenshot(os.path.join(scratch, "first-screen.png"))
    # The page's src is a data: URI and its alt is the caption, which need not say "map":
    # find the map by src or alt, or by the caption report.md gives charts/map.png.
    captions = [caption for caption, name in charts if name.startswith("map.")]
    for image in driver.find_elements(By.TAG_NAME, "img"):
        alt = image.get_attribute("alt") or ""
        if "map" in ((image.get_attribute("src") or "")[:200] + alt).lower() or alt in captions:
            # The map is taller than the screen and a shot stops at the screen's edge: grow
            # the window to fit it for the shot, then restore it for the checks that follow.
            driver.set_window_size(1280, int(image.rect["height"]) + 250)
            driver.execute_script("arguments[0].scrollIntoView()", image)
            image.screenshot(os.path.join(scratch, "map.png"))
            driver.set_window_size(1280, 900)
            return


# One image pointing at a file that is not there: the same checks must catch it.
with open(os.path.join(report, "report.html"), encoding="utf-8") as stream:
    text = stream.read()
broken = os.path.join(scratch, "broken.html")
with open(broken, "w", encoding="utf-8") as stream:
    stream.write(re.sub(r'src="data:image/png;base64,[^"]*"', 'src="charts/no-such-chart.png"',
                        text, count=1))

options = webdriver.ChromeOptions()
options.binary_location = CHROMIUM
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900"):
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
# An explicit chromedriver: selenium-manager would try to download one, and CI is offline.
driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
try:
    driver.set_page_load_timeout(60)
    failures = check(driver, os.path.join(report, "report.html"))
    screenshots(driver)
    caught = check(driver, broken)
finally:
    driver.quit()

print("broken page reported: " + "; ".join(caught), flush=True)
if not any("not loaded" in failure for failure in caught):
    failures.append("the broken page's missing image was not reported: the checks cannot fail")
for failure in failures:
    print("report.html: " + failure, file=sys.stderr)
print(f"report.html: {len(sections)} sections, {len(charts)} images checked, "
      f"{len(failures)} failures ({time.monotonic() - started:.1f} s)")
sys.exit(1 if failures else 0)
