"""The page at / in a real headless Chromium (selenium), against the `kg serve` of the sample graph.

Each test leaves a screenshot in test-artifacts/serve/ (git-ignored). The browser's console is read
after every test: an error there fails the test.
"""
from __future__ import annotations

import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

MOSCOW = "https://w3id.org/parley/id/meeting/moscow-2025-12-02"
PUTIN = "https://w3id.org/parley/id/person/vladimir-putin"


@pytest.fixture
def page(browser, server, artifacts, request):
    """The page freshly loaded; afterwards a screenshot, and no error in the console."""
    browser.set_window_size(1280, 900)
    browser.get(server.url)
    wait(browser).until(lambda d: len(Select(d.find_element(By.ID, "question")).options) > 0)
    yield browser
    browser.save_screenshot(str(artifacts / f"{request.node.name}.png"))
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def wait(browser, seconds: float = 15) -> WebDriverWait:
    return WebDriverWait(browser, seconds)


def click(browser, element) -> None:
    """Scroll the element to the middle of the window (clear of the sticky header), then click it."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def tab(browser, name: str) -> None:
    browser.find_element(By.CSS_SELECTOR, f"#tabs [data-tab={name}]").click()


def test_page_loads_with_every_stored_question_and_no_console_error(page, server):
    names = [o.get_attribute("value") for o in Select(page.find_element(By.ID, "question")).options]
    listed = [q["name"] for q in __import__("json").loads(server.get("queries")[2])]
    assert names == listed
    assert page.find_element(By.ID, "question").get_attribute("value") == "attendees-at-place"
    scripts = [s.get_attribute("src") for s in page.find_elements(By.TAG_NAME, "script")]
    styles = [s.get_attribute("href") for s in page.find_elements(By.CSS_SELECTOR, "link[rel=stylesheet]")]
    assert all(u.startswith(server.url) for u in scripts + styles), "every script and style comes from the server"


def test_page_stored_question_shows_the_rows(page, server):
    page.find_element(By.ID, "param-place").send_keys("Moscow")
    page.find_element(By.ID, "run-question").click()
    wait(page).until(EC.text_to_be_present_in_element((By.ID, "question-status"), "rows"))
    rows = page.find_elements(By.CSS_SELECTOR, "#question-results tbody tr")
    expected = server.json("queries/attendees-at-place?place=Moscow")["results"]["bindings"]
    assert len(rows) == len(expected) > 0
    text = page.find_element(By.ID, "question-results").text
    assert {"Vladimir Putin", "Steve Witkoff", "Jared Kushner"} <= {b["attendeeLabel"]["value"] for b in expected}
    for name in ("Vladimir Putin", "Steve Witkoff", "Jared Kushner"):
        assert name in text
    assert page.find_element(By.ID, "question-status").text == f"{len(expected)} rows"


def test_page_evidence_link_shows_the_articles_words(page, server):
    page.find_element(By.ID, "param-place").send_keys("Moscow")
    page.find_element(By.ID, "run-question").click()
    link = wait(page).until(EC.element_to_be_clickable(
        (By.CSS_SELECTOR, f'#question-results button.evidence-link[data-node="{MOSCOW}"]')))
    click(page, link)
    marks = wait(page).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#detail mark"))
    evidence = server.json("queries/evidence?" + urllib.parse.urlencode({"node": MOSCOW}))["results"]["bindings"]
    words = {b["words"]["value"] for b in evidence}
    assert evidence and {m.text for m in marks} <= words and marks[0].text in words
    source = page.find_element(By.CSS_SELECTOR, "#detail .source")
    assert source.get_attribute("data-doc") == evidence[0]["doc"]["value"]


def test_page_timeline_draws_the_meetings(page, server):
    tab(page, "timeline")
    items = wait(page).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline .tl-item"))
    expected = server.json("queries/timeline")["results"]["bindings"]
    assert [i.get_attribute("data-meeting") for i in items] == [b["meeting"]["value"] for b in expected]
    moscow = page.find_element(By.CSS_SELECTOR, f'#timeline .tl-item[data-meeting="{MOSCOW}"]')
    assert moscow.get_attribute("data-date") == "2025-12-02" and moscow.get_attribute("data-place") == "Moscow"
    assert "Vladimir Putin" in moscow.find_element(By.CSS_SELECTOR, "title").get_attribute("textContent")
    click(page, moscow)
    wait(page).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#detail mark"))


def test_page_network_draws_the_actors_and_meetings(page, server):
    tab(page, "network")
    wait(page).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#network .node.actor"))
    edges = server.json("api/network")["results"]["bindings"]
    actors = {page_node.get_attribute("data-iri") for page_node in page.find_elements(By.CSS_SELECTOR, "#network .actor")}
    meetings = {n.get_attribute("data-iri") for n in page.find_elements(By.CSS_SELECTOR, "#network .meeting")}
    assert actors == {b["actor"]["value"] for b in edges}
    assert meetings == {b["meeting"]["value"] for b in edges}
    assert len(page.find_elements(By.CSS_SELECTOR, "#network line.edge")) == len(edges)
    moscow = page.find_element(By.CSS_SELECTOR, f'#network .meeting[data-iri="{MOSCOW}"]')
    assert moscow.get_attribute("data-place") == "Moscow"
    putin = page.find_element(By.CSS_SELECTOR, f'#network .actor[data-iri="{PUTIN}"]')
    assert putin.get_attribute("data-label") == "Vladimir Putin"
    # every node inside the drawing
    width = page.execute_script("return document.getElementById('network').viewBox.baseVal.width")
    for x in page.execute_script("return [...document.querySelectorAll('#network .node')].map(n => n.transform.baseVal[0].matrix.e)"):
        assert 0 <= x <= width


def test_page_actor_view(page):
    tab(page, "network")
    node = wait(page).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'#network .actor[data-iri="{PUTIN}"]')))
    click(page, node)
    wait(page).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "#detail h2"), "Vladimir Putin"))
    detail = page.find_element(By.ID, "detail")
    wait(page).until(EC.text_to_be_present_in_element((By.ID, "detail"), "Meetings ("))
    assert page.find_element(By.CSS_SELECTOR, '#detail a[href="http://www.wikidata.org/entity/Q7747"]')
    assert "Moscow" in detail.text and "kremlin-witkoff-kushner-2025-12-02" in detail.text


def test_page_sparql_editor_runs_a_query_and_shows_refusals(page):
    tab(page, "sparql")
    box = page.find_element(By.ID, "sparql-text")
    box.clear()
    box.send_keys("SELECT ?label WHERE { <%s> rdfs:label ?label }" % PUTIN)
    page.find_element(By.ID, "run-sparql").click()
    wait(page).until(EC.text_to_be_present_in_element((By.ID, "sparql-status"), "1 result"))
    assert "Vladimir Putin" in page.find_element(By.ID, "sparql-results").text


def test_page_as_of_a_date_hides_what_was_reported_later(page):
    page.execute_script("const i = document.getElementById('as-of'); i.value = '2025-12-01';"
                        "i.dispatchEvent(new Event('change'))")
    tab(page, "timeline")
    wait(page).until(EC.text_to_be_present_in_element((By.ID, "timeline-status"), "as of 2025-12-01"))
    meetings = {i.get_attribute("data-meeting") for i in page.find_elements(By.CSS_SELECTOR, "#timeline .tl-item")}
    assert meetings and MOSCOW not in meetings
    page.find_element(By.ID, "as-of-clear").click()
    wait(page).until(lambda d: d.find_elements(By.CSS_SELECTOR, f'#timeline .tl-item[data-meeting="{MOSCOW}"]'))


def test_page_is_readable_on_a_phone(page, artifacts):
    page.set_window_size(390, 844)
    page.find_element(By.ID, "param-place").send_keys("Moscow")
    page.find_element(By.ID, "run-question").click()
    wait(page).until(EC.text_to_be_present_in_element((By.ID, "question-status"), "rows"))
    # the page itself does not scroll sideways (a wide table scrolls inside its own box)
    assert page.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    tab(page, "network")
    wait(page).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#network .node.actor"))
    assert page.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.save_screenshot(str(artifacts / "phone-network.png"))
