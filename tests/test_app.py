"""The web chat, started for real from an empty store and driven in headless Chromium (Debian's /usr/bin/chromium)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client
from playwright.sync_api import Page, expect, sync_playwright

from eval.load import serving
from eval.pdf_maker import make_pdf, make_scanned_pdf
from eval.scripted_model import ScriptedModel, scripted_model
from tests.conftest import ROOT, SECOND, free_port

pytestmark = pytest.mark.slow  # a real browser against the served page

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python app.py --port P` on an empty store: it ingests the bundled sample, then serves."""
    with serving(tmp_path_factory.mktemp("app") / "store", free_port()) as url:
        yield url


@pytest.fixture(scope="module")
def server_both(store_both: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python app.py` on a copy of a store holding two departments: the sample (科协) and the second disclosure (图书馆)."""
    store = tmp_path_factory.mktemp("app-both") / "store"
    shutil.copytree(store_both, store)
    with serving(store, free_port()) as url:
        yield url


@pytest.fixture(scope="module")
def server_real(store_real: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python app.py` on a copy of a store of four real Shanghai PDFs (three departments, 预算 and 决算)."""
    store = tmp_path_factory.mktemp("app-real") / "store"
    shutil.copytree(store_real, store)
    with serving(store, free_port()) as url:
        yield url


@pytest.fixture(scope="module")
def model() -> Iterator[ScriptedModel]:
    """A scripted OpenAI-compatible endpoint on loopback standing in for the language model."""
    with scripted_model() as m:
        yield m


@pytest.fixture(scope="module")
def server_model(store_both: Path, model: ScriptedModel, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python app.py --llm-base-url …` on a copy of the two-department store, the model played by `model`."""
    store = tmp_path_factory.mktemp("app-model") / "store"
    shutil.copytree(store_both, store)
    with serving(store, free_port(), "--llm-base-url", model.url) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed (see README: the install command installs it)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def new_page(browser: object, server: str) -> Page:
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN").new_page()  # type: ignore[attr-defined]
    page.goto(server)
    page.wait_for_selector("#question textarea", timeout=60_000)
    return page


def ask(page: Page, question: str, wait_for: str) -> None:
    page.fill("#question textarea", question)
    page.click("#send")
    expect(page.locator("#chat").get_by_text(wait_for).last).to_be_visible(timeout=60_000)


def options(page: Page, dropdown: str) -> list[str]:
    """The choices a dropdown ("查询范围" or "选择文件") offers; its tab is opened first."""
    tab = {"查询范围": "问答", "选择文件": "数据核对"}[dropdown]
    page.get_by_role("tab", name=tab, exact=True).click()
    page.get_by_label(dropdown).click()
    choices = page.locator("[role=option]")
    expect(choices.first).to_be_visible()
    texts = choices.all_inner_texts()
    page.keyboard.press("Escape")
    return texts


def test_api_answers_with_the_total(server: str) -> None:
    answer = Client(server, verbose=False).predict("科协今年总共要花多少钱？", api_name="/ask")
    assert "4,997" in answer and "出处" in answer


def test_chat_in_a_real_browser(browser: object, server: str) -> None:
    page = new_page(browser, server)
    ask(page, "科协今年总共要花多少钱？", "4,997 万元")
    page.locator("#chat").get_by_text("🧮 计算与核对").last.click()
    expect(page.locator("#chat").get_by_text("✓ 与公开文件一致").last).to_be_visible()
    expect(page.locator("#sources")).to_contain_text("表1 收支总表")
    expect(page.locator("#rows")).to_contain_text("支出总计")
    page.screenshot(path=ARTIFACTS / "answer-number.png", full_page=True)
    ask(page, "那去年呢？", "4,519 万元")  # a follow-up in the same conversation: 4,997 − 478

    ask(page, "项目支出占总支出多少？", "80.51%")
    page.locator("#chat").get_by_text("🧮 计算与核对").last.click()
    expect(page.locator("#chat").get_by_text("4,023 ÷ 4,997 × 100% = 80.51%").last).to_be_visible()
    page.screenshot(path=ARTIFACTS / "answer-derived.png", full_page=True)

    ask(page, "项目支出由哪些项目构成？", "学会能力提升和学术交流促进项目")
    expect(page.locator("#chart")).to_be_visible()
    page.screenshot(path=ARTIFACTS / "answer-chart.png", full_page=True)

    ask(page, "科协2023年预算是多少？", "抱歉，公开文件中找不到这个问题的答案")
    page.screenshot(path=ARTIFACTS / "answer-refusal.png", full_page=True)


def test_which_department_is_offered_as_choices(browser: object, server_both: str) -> None:
    """A question naming no department, with two in the store, is asked back with the departments to click;
    a click answers the original question for that department, and the choices go away."""
    page = new_page(browser, server_both)
    picker = page.locator("#choices")
    expect(picker).to_be_hidden()
    ask(page, "三公经费预算多少？", "请说明要查哪个部门")
    expect(picker).to_be_visible()
    expect(picker).to_contain_text("请选择部门")
    assert picker.locator("input[type=radio]").evaluate_all("els => els.map(e => e.value)") == ["科协", "图书馆"]
    page.screenshot(path=ARTIFACTS / "answer-choices.png", full_page=True)
    picker.get_by_text("科协", exact=True).click()
    expect(page.locator("#chat")).to_contain_text("“三公”经费为 5 万元✓", timeout=60_000)  # the sample's 2022 figure
    expect(page.locator("#chat").get_by_text("科协", exact=True)).to_be_visible()  # the click, sent as a message
    expect(page.locator("#chat").get_by_text(re.compile("请说明要查哪个部门"))).to_have_count(1)  # not asked again
    expect(page.locator("#sources")).to_contain_text("三公")
    expect(picker).to_be_hidden()
    page.screenshot(path=ARTIFACTS / "answer-choice-picked.png", full_page=True)


def test_chat_api_returns_the_choices(server_both: str) -> None:
    client = Client(server_both, verbose=False)
    asked = client.predict("三公经费预算多少？", "", api_name="/chat")
    assert asked["refused"] and asked["choices"] == ["科协", "图书馆"]
    assert "请说明要查哪个部门" in asked["text"]
    answered = client.predict("科协", "", api_name="/chat")  # the same session: the original question, for 科协
    assert (answered["refused"], answered["value"], answered["unit"], answered["choices"]) == (False, 5, "万元", [])


def upload(page: object, path: Path) -> None:
    """Choose `path` in the upload box and wait until the browser has sent it to the server (clicking 导入 before
    that reads the box as empty: one CI run under load failed so)."""
    with page.expect_response(lambda r: "/upload" in r.url, timeout=60_000):  # type: ignore[attr-defined]
        page.locator("#upload input[type=file]").set_input_files(str(path))  # type: ignore[attr-defined]


def test_upload_a_second_disclosure_and_ask_about_it(browser: object, server: str, tmp_path: Path) -> None:
    page = new_page(browser, server)
    page.get_by_role("tab", name="文件", exact=True).click()
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    upload(page, bad)
    page.click("#ingest")
    expect(page.locator("#ingest-status")).to_contain_text("无法读取文件“empty.txt”：文件是空的", timeout=60_000)
    expect(page.locator("#ingest-status")).not_to_contain_text("Traceback")

    scan = make_scanned_pdf(tmp_path / "scan.pdf")
    upload(page, scan)
    page.click("#ingest")
    expect(page.locator("#ingest-status")).to_contain_text("没有可提取的文字层", timeout=60_000)
    expect(page.locator("#ingest-status")).to_contain_text("OCR")

    pdf = make_pdf(SECOND.read_text(encoding="utf-8"), tmp_path / "haizhu.pdf")  # the second disclosure as a PDF
    upload(page, pdf)
    page.click("#ingest")
    progress = re.compile(r"读取 PDF：第 \d+/\d+ 页|生成检索向量")  # gr.Progress, shown while it works
    expect(page.locator("#ingest-status")).to_contain_text(progress, timeout=60_000)
    expect(page.locator("#ingest-status")).to_contain_text("已导入：2023年广州市海珠区图书馆部门预算", timeout=120_000)
    expect(page.locator("#ingest-status")).to_contain_text("250 条数据")
    page.screenshot(path=ARTIFACTS / "upload.png", full_page=True)
    uploaded = "2023年广州市海珠区图书馆部门预算"
    assert any(uploaded in o for o in options(page, "选择文件")) and any(
        uploaded in o for o in options(page, "查询范围")
    )
    page.reload()
    page.wait_for_selector("#question textarea", timeout=60_000)
    assert any(uploaded in o for o in options(page, "查询范围"))  # the page is built again with it
    assert any(uploaded in o for o in options(page, "选择文件"))
    other = new_page(browser, server)  # a session opened before or after the upload: the same lists
    assert [uploaded in o for o in options(other, "查询范围")].count(True) == 1
    page.get_by_role("tab", name="问答", exact=True).click()
    ask(page, "海珠区图书馆今年项目支出多少？", "5,911,230.00 元")
    expect(page.locator("#sources")).to_contain_text(re.compile(r"表\d+ .*（第\d+页）"))
    expect(page.locator("#rows")).to_contain_text(re.compile(r"第\d+页"))
    page.screenshot(path=ARTIFACTS / "answer-uploaded.png", full_page=True)


def test_an_upload_may_confirm_the_department(browser: object, server: str, tmp_path: Path) -> None:
    page = new_page(browser, server)
    page.get_by_role("tab", name="文件", exact=True).click()
    text = tmp_path / "budget.txt"  # a cover without the department
    text.write_text(
        "2026年度部门预算\n\n第一部分 部门概况\n\n一、收支\n\n本部门收入预算合计1200万元。\n", encoding="utf-8"
    )
    upload(page, text)
    page.locator("#confirm-department").get_by_role("textbox").fill("福州市商务局")
    page.click("#ingest")
    status = page.locator("#ingest-status")
    expect(status).to_contain_text("已导入：2026年福州市商务局部门预算", timeout=120_000)
    expect(status).to_contain_text("部门（用户确认）、年度（封面）")


def test_two_sessions_do_not_share_history(browser: object, server: str) -> None:
    alice, bob = new_page(browser, server), new_page(browser, server)
    ask(alice, "科协人头经费今年多少", "695 万元")
    ask(bob, "科协招待费今年多少", "1 万元")
    expect(bob.locator("#chat")).not_to_contain_text("人头经费")
    expect(alice.locator("#chat")).not_to_contain_text("招待费")
    ask(bob, "去年呢？", "2021年")  # Bob's follow-up resolves against Bob's own question
    expect(bob.locator("#chat")).to_contain_text("公务接待费")


def test_audit_tab(browser: object, server: str) -> None:
    page = new_page(browser, server)
    page.get_by_role("tab", name="数据核对", exact=True).click()
    expect(page.locator("#audit-doc input")).to_have_value(re.compile("2022年深圳市科学技术协会（本级）部门预算"))
    page.click("#audit")
    expect(page.get_by_text("尾数误差 6，不一致 2")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("行政单位医疗").first).to_be_visible()


GRADIO_ENGLISH = [
    "Drop File Here",
    "Click to Upload",
    "Textbox",
    "Use via API",
    "Built with Gradio",
    "Settings",
    "Examples",
]


def test_the_page_is_chinese_in_an_english_browser(browser: object, server: str) -> None:
    """Gradio's own words (upload box, footer, examples header) are Chinese whatever the browser's language."""
    page = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US").new_page()  # type: ignore[attr-defined]
    page.goto(server)
    page.wait_for_selector("#question textarea", timeout=60_000)
    for tab in ("问答", "文件", "数据核对", "核对文字"):
        page.get_by_role("tab", name=tab, exact=True).click()
        shown = page.evaluate("() => document.body.innerText")
        assert not [w for w in GRADIO_ENGLISH if w in shown], (tab, shown)
    page.get_by_role("tab", name="文件", exact=True).click()
    expect(page.locator("#upload")).to_contain_text("把文件拖到这里")
    expect(page.locator("#upload")).to_contain_text("点击选择文件")
    expect(page.get_by_text("通过 API 使用")).to_be_visible()


def test_the_server_log_has_no_bm25s_debug_lines(server: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    Client(server, verbose=False).predict("科协今年总共要花多少钱？", api_name="/ask")
    logs = list(tmp_path_factory.getbasetemp().glob("app*/app-*.log"))
    assert logs
    text = "".join(log.read_text(encoding="utf-8") for log in logs)
    assert "已启动" in text and "DEBUG:bm25s" not in text


def test_a_ranking_shows_the_table_the_bars_and_a_csv_and_the_scope_picker_narrows_it(
    browser: object, server_real: str, tmp_path: Path
) -> None:
    page = new_page(browser, server_real)
    ask(page, "2024年预算各部门“三公”经费排名", "覆盖库中 2024 年预算 2 个部门")
    table = page.locator("#entries")
    expect(table).to_be_visible()
    expect(table).to_contain_text("上海市普陀区人民政府万里街道办事处")
    expect(table).to_contain_text("上海市普陀区社会福利院")
    expect(table).to_contain_text("单位“三公”经费和机关运行经费预算表")  # each line's source
    bars = page.locator("#chart .bar-label")
    expect(bars).to_have_count(2)
    assert bars.all_inner_texts() == [
        "上海市普陀区人民政府万里街道办事处",
        "上海市普陀区社会福利院",
    ]  # largest first, whole names
    expect(page.locator("#chart")).to_contain_text("47.91 万元")
    expect(page.locator("#chart")).to_contain_text("“三公”经费（预算数）（万元）")
    page.locator("#chat").get_by_text("🧮 计算与核对").last.click()
    expect(page.locator("#chat").get_by_text("✓ 与公开文件一致").last).to_be_visible()
    page.screenshot(path=ARTIFACTS / "answer-ranking.png", full_page=True)
    with page.expect_download() as download:
        page.click("#csv")
    saved = tmp_path / "ranking.csv"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8-sig")
    assert "上海市普陀区人民政府万里街道办事处,2024,预算,47.91,万元" in text and "排名,部门,年度" in text

    page.get_by_text("限定部门、年度、预算/决算").click()
    page.locator("#scope-kinds").get_by_label("决算").check()
    ask(page, "各部门“三公”经费排名", "覆盖库中 2024 年决算 1 个部门（所选范围）")
    expect(table).to_contain_text("中共上海市普陀区委社会工作部")
    expect(table).not_to_contain_text("万里街道办事处")
    expect(table).to_contain_text("本表无数据")
    page.screenshot(path=ARTIFACTS / "answer-ranking-scoped.png", full_page=True)


def test_a_model_drafted_answer_shows_its_tool_calls_and_verdicts(
    browser: object, server_model: str, model: ScriptedModel
) -> None:
    """What the rules refuse goes to the model: the page says the model drafted it, lists its tool calls and
    marks each figure; a draft with a figure the disclosure contradicts is shown beside the refusal, never as ✓."""
    from tests.test_agent import GOOD, LOOKUP_PROJECT, LOOKUP_TOTAL, QUESTION, SHARE

    page = new_page(browser, server_model)
    model.play(LOOKUP_PROJECT, LOOKUP_TOTAL, SHARE, GOOD)
    ask(page, QUESTION, "🤖 由语言模型（scripted-qwen）用本系统的工具草拟")
    chat = page.locator("#chat")
    expect(chat).to_contain_text("2022年市科协项目支出4,023万元✓，占支出总计的80.51%🧮")
    chat.get_by_text("🔧 模型的工具调用（3 次）").last.click()
    expect(chat.get_by_text("F1 深圳市科学技术协会(本级) · 项目支出 4,023 万元").last).to_be_visible()
    expect(chat.get_by_text("C1 占比（第一个占第二个的百分比）：4,023 ÷ 4,997 × 100% = 80.51%").last).to_be_visible()
    chat.get_by_text("🧮 计算与核对").last.click()
    expect(chat.get_by_text("✓ 与公开文件一致").last).to_be_visible()
    expect(page.locator("#sources")).to_contain_text("表3 支出总表")
    page.screenshot(path=ARTIFACTS / "answer-model.png", full_page=True)

    invented = {"text": "2022年市科协项目支出5,000万元[F1]。"}
    model.play(LOOKUP_PROJECT, invented, invented)
    ask(page, QUESTION, "模型草拟的回答中“5,000万元”与公开文件不符，未采用")
    expect(chat.locator(".message").last).not_to_contain_text("5,000万元✓")
    chat.get_by_text("🤖 模型草稿（未采用）").last.click()
    expect(chat.get_by_text("✗ 与公开文件不符（公开文件为 4,023）").last).to_be_visible()
    expect(chat).to_contain_text("抱歉，公开文件中找不到这个问题的答案")
    page.screenshot(path=ARTIFACTS / "answer-model-rejected.png", full_page=True)


def test_each_answer_states_its_reading_in_the_chat(browser: object, server: str) -> None:
    """The line of how the question was read stands above the answer; an English question's line shows the
    Chinese question it was answered as."""
    page = new_page(browser, server)
    ask(page, "科协今年总共要花多少钱？", "4,997 万元")
    expect(page.locator("#chat").get_by_text("按：科协 · 2022年部门预算 · 支出总计").last).to_be_visible()
    english = "What is the total expenditure of the Shenzhen Association for Science and Technology in 2022?"
    ask(page, english, "按：“深圳市科学技术协会2022年支出总计是多少？” → 科协 · 2022年部门预算 · 支出总计")
    page.screenshot(path=ARTIFACTS / "answer-reading.png", full_page=True)
