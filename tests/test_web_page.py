"""What a new user found on the page (issue 23, item 10), driven in headless Chromium against the served page
and its JSON API: the scope picker for rankings and totals, a question about nothing in the disclosures,
example questions that follow the documents loaded, the audit said in sentences, the table of the lines
across departments and its CSV, several files at once, a stored file known before it is parsed, and
progress through the embedding."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect

from assistant.config import Settings
from assistant.web.service import Service
from tests import test_app
from tests.conftest import SECOND
from tests.test_app import ARTIFACTS, ask, new_page

pytestmark = pytest.mark.slow  # a real browser against the served page
# the servers and the browser of test_app (fixtures: a module's names are its fixtures)
server, server_real, browser = test_app.server, test_app.server_real, test_app.browser

WANLI = "上海市普陀区人民政府万里街道办事处"
FULIYUAN = "上海市普陀区社会福利院"
SHEGONGBU = "中共上海市普陀区委社会工作部"


def pick_departments(page: Page, *names: str) -> None:
    page.get_by_text("限定部门、年度、预算/决算").click()
    for name in names:
        page.locator("#scope-departments input").click()
        page.get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")


def headers_inside(page: Page, table: str) -> list[str]:
    """The header cells of a table lying wholly inside the 1400 px window (all of them, when none is cut)."""
    boxes = page.locator(f"{table} thead th").evaluate_all(
        "els => els.map(e => [e.innerText.trim(), e.getBoundingClientRect().right])"
    )
    return [name for name, right in boxes if name and right <= 1400]


def test_the_scope_pickers_departments_are_those_of_a_total_and_a_ranking(browser: object, server_real: str) -> None:
    page = new_page(browser, server_real)
    pick_departments(page, WANLI, FULIYUAN)
    ask(page, "各部门项目支出合计是多少？", "（所选范围）")
    expect(page.locator("#chat")).to_contain_text("2 个部门的项目支出合计 59,125,103 元")
    table = page.locator("#entries")
    expect(table).to_contain_text(WANLI)
    expect(table).to_contain_text(FULIYUAN)
    expect(table).not_to_contain_text(SHEGONGBU)
    ask(page, "哪个部门“三公”经费最多？", "47.91 万元")
    expect(table).not_to_contain_text(SHEGONGBU)
    page.screenshot(path=ARTIFACTS / "page-scope-total.png", full_page=True)


def test_the_json_api_uses_the_departments_chosen(server_real: str) -> None:
    asked = {"question": "各部门项目支出合计是多少？", "departments": [WANLI, FULIYUAN]}
    answer = httpx.post(server_real + "api/ask", json=asked, timeout=120).json()
    assert (answer["refused"], answer["value"], answer["unit"]) == (False, 59125103, "元")
    assert "所选范围" in answer["text"]


def test_a_question_about_nothing_in_the_disclosures_is_refused_without_asking_which_department(
    browser: object, server_real: str
) -> None:
    page = new_page(browser, server_real)
    ask(page, "明天天气怎么样？", "与库中的预算、决算公开文件无关")
    expect(page.locator("#chat")).not_to_contain_text("请说明要查哪个部门")
    expect(page.locator("#choices")).to_be_hidden()


def test_the_examples_are_about_the_documents_loaded_and_are_answered(browser: object, server_real: str) -> None:
    page = new_page(browser, server_real)
    samples = page.locator("#samples")
    expect(samples).to_contain_text("2024年预算各部门“三公”经费排名")  # the year and kind two departments share
    expect(samples).not_to_contain_text("科协")
    expect(samples).not_to_contain_text("2025年")
    samples.get_by_text("2024年预算各部门项目支出合计是多少？").click()
    expect(page.locator("#question textarea")).to_have_value("2024年预算各部门项目支出合计是多少？")
    for question in samples.locator("button").all_inner_texts():  # every example is one the assistant answers
        answer = httpx.post(server_real + "api/ask", json={"question": question.strip()}, timeout=120).json()
        assert not answer["refused"], (question, answer["text"])


def test_the_audit_says_its_problems_first_in_sentences_with_every_column_in_view(
    browser: object, server_real: str
) -> None:
    page = new_page(browser, server_real)
    page.get_by_role("tab", name="数据核对", exact=True).click()
    page.get_by_label("选择文件").click()
    page.get_by_role("option", name="2023年上海市普陀区人民政府万里街道办事处部门预算", exact=False).click()
    page.click("#audit")
    table = page.locator("#audit-table")
    first = table.locator("tbody tr").first
    expect(first).to_contain_text("✗ 不一致", timeout=60_000)
    expect(first).to_contain_text("文字说明写 441.25 万元，表格为 220.63 万元")
    assert headers_inside(page, "#audit-table") == ["结果", "说明", "类别", "位置", "应为", "核得", "差额"]
    page.screenshot(path=ARTIFACTS / "page-audit.png")


def test_the_lines_across_departments_show_whole_figures_a_sort_control_and_a_csv_headed_by_the_question(
    browser: object, server_real: str, tmp_path: Path
) -> None:
    page = new_page(browser, server_real)
    question = "2024年预算各部门项目支出合计是多少？"
    ask(page, question, "59,125,103")
    table = page.locator("#entries")
    expect(table).to_contain_text("56,505,103")
    expect(table).to_contain_text("2,620,000")
    assert headers_inside(page, "#entries") == ["排名", "部门", "年度", "类别", "数值", "单位", "出处", "说明"]
    order = page.locator("#entries-order")
    expect(order).to_be_visible()
    expect(table).to_contain_text(re.compile(f"{WANLI}.*{FULIYUAN}", re.DOTALL))  # largest first
    order.get_by_text("倒序").click()
    expect(table).to_contain_text(re.compile(f"{FULIYUAN}.*{WANLI}", re.DOTALL))
    page.screenshot(path=ARTIFACTS / "page-entries.png", full_page=True)
    with page.expect_download() as download:
        page.click("#csv")
    saved = tmp_path / "lines.csv"
    download.value.save_as(saved)
    assert saved.read_text(encoding="utf-8-sig").splitlines()[0] == f"问题：{question}"


def test_several_files_at_once_then_the_same_file_again(browser: object, server: str, tmp_path: Path) -> None:
    """Two files in one upload, each with its outcome; the examples then follow the uploaded document, not
    the bundled sample; the same file again is known by its text's hash and nothing is imported."""
    page = new_page(browser, server)
    expect(page.locator("#samples")).to_contain_text("科协")  # only the bundled sample is loaded
    page.get_by_role("tab", name="文件", exact=True).click()
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    page.locator("#upload input[type=file]").set_input_files([str(SECOND), str(empty)])
    page.click("#ingest")
    status = page.locator("#ingest-status")
    expect(status).to_contain_text("已导入：2023年广州市海珠区图书馆部门预算", timeout=180_000)
    expect(status).to_contain_text("无法读取文件“empty.txt”：文件是空的")
    page.get_by_role("tab", name="问答", exact=True).click()
    samples = page.locator("#samples")
    expect(samples).to_contain_text("图书馆", timeout=60_000)
    expect(samples).not_to_contain_text("科协")

    page.get_by_role("tab", name="文件", exact=True).click()
    page.locator("#upload input[type=file]").set_input_files([str(SECOND)])
    page.click("#ingest")
    expect(status).to_contain_text("按文件内容的哈希识别", timeout=60_000)
    expect(status).to_contain_text("未重新解析，也未重复导入")
    listed = httpx.get(server + "api/documents", timeout=60).json()
    assert [d["title"] for d in listed].count("2023年广州市海珠区图书馆部门预算") == 1


def test_progress_moves_through_the_embedding_and_a_stored_file_is_not_parsed_again(
    sample_store: Path, tmp_path: Path
) -> None:
    service = Service(Settings(store=sample_store))
    steps: list[tuple[float, str]] = []
    added = service.ingest(SECOND, lambda fraction, what: steps.append((fraction, what)))
    assert added.status == "added"
    embedding = [(f, w) for f, w in steps if w.startswith("生成检索向量：")]
    assert len(embedding) >= 2 and len({f for f, _ in embedding}) == len(embedding)  # several values, each new
    assert [f for f, _ in steps] == sorted(f for f, _ in steps)  # never backwards
    done, total = re.findall(r"\d+", embedding[-1][1])
    assert done == total  # the last batch: every passage embedded

    copy = tmp_path / "again.txt"  # the same text under another name
    copy.write_bytes(SECOND.read_bytes())
    steps.clear()
    again = service.ingest(copy, lambda fraction, what: steps.append((fraction, what)))
    assert (again.status, again.doc_id, again.title) == ("exists", added.doc_id, added.title)
    assert [w for _, w in steps] == ["读取文件…"]  # known from its text's hash: neither parsed nor embedded
