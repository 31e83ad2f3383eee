"""Rankings, thresholds and lists across departments on real disclosures, one of which prints its “三公”经费 only
in its text: 北京市财政局's 2026 部门预算情况说明 (pages 6–7: "2026 年财政拨款“三公”经费预算 223.80 万元", 因公出国
（境）费用 127.74 万元) beside 深圳市科技创新局 2026 表9 (2026年 columns summed over the funds: 118.20 万元, 因公出国
90.00 万元). A scope said with a cue ("只看深圳的") covers that place's departments only."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.answer import Engine
from assistant.config import Settings
from tests.conftest import REAL, store_of

pytestmark = pytest.mark.slow  # a store of real PDFs built per module

BEIJING = "北京市财政局"
KEJI = "深圳市科技创新局（本级）"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    pdfs = (REAL / "beijing-caizheng-2026-dept-yusuan.pdf", REAL / "shenzhen-keji-2026-dept-yusuan.pdf")
    return Engine(Settings(store=store_of(tmp_path_factory.mktemp("text") / "store", *pdfs)))


def test_a_department_stating_its_three_public_in_its_text_is_ranked_with_it(engine: Engine) -> None:
    a = engine.answer("2026年哪个部门三公经费最多？")
    assert not a.refused and a.value == Decimal("223.80")
    assert [(e.department, e.value) for e in a.entries] == [(BEIJING, Decimal("223.80")), (KEJI, Decimal("118.20"))]
    assert "文字说明：「2026 年财政拨款“三公”经费预算 223.80 万元」" in a.text and "文件中未找到此项" not in a.text
    assert all(f.verdict in ("verified", "derived") for f in a.figures)


def test_a_threshold_reads_the_text_s_figure_never_its_change(engine: Engine) -> None:
    a = engine.answer("2026年哪些部门因公出国费超过100万元？")
    assert not a.refused and [(e.department, e.value) for e in a.entries] == [(BEIJING, Decimal("127.74"))]
    a = engine.answer("2026年哪些部门三公经费超过200万元？")
    assert [(e.department, e.value) for e in a.entries] == [(BEIJING, Decimal("223.80"))]  # not -32.23, a change


def test_a_scope_said_with_a_cue_covers_its_place_only(engine: Engine) -> None:
    a = engine.answer("哪个部门三公经费最多？只看深圳的。")
    assert not a.refused and [e.department for e in a.entries] == [KEJI] and BEIJING not in a.text
    a = engine.answer("哪个部门三公经费最多？只看深圳和广州的。")
    assert a.refused and "广州" in a.text


def test_organ_operation_cost_stated_in_the_text_is_ranked(engine: Engine) -> None:
    # 北京市财政局 p.9 "机关运行经费财政拨款预算1158.60 万元"; 深圳市科技创新局 p.14 "机关运行经费财政拨款预算 443.43 万元"
    a = engine.answer("2026年机关运行经费最高的部门是哪个？")
    assert not a.refused and a.value == Decimal("1158.60")
    assert [(e.department, e.value) for e in a.entries] == [(BEIJING, Decimal("1158.60")), (KEJI, Decimal("443.43"))]
    assert "文件中未找到此项" not in a.text and "50.45" not in a.text  # never the change printed beside it
    assert all(f.verdict in ("verified", "derived") for f in a.figures)


def test_a_bound_written_with_yishang_includes_its_amount(engine: Engine) -> None:
    # 公务接待费 2026: 北京市财政局 11.64 万元 (text, p.8); 深圳市科技创新局 exactly 3.00 万元 (表9, p.39)
    a = engine.answer("公务接待费在3万元以上的2026年预算有哪些部门？")
    assert not a.refused and {e.department for e in a.entries} == {BEIJING, KEJI} and "不低于3 万元" in a.text
    b = engine.answer("2026年哪些部门公务接待费超过3万元？")
    assert [e.department for e in b.entries] == [BEIJING]  # 超过 leaves out the department printing exactly 3.00
    c = engine.answer("2026年哪些部门公务接待费不超过3万元？")
    assert [e.department for e in c.entries] == [KEJI] and "不超过3 万元" in c.text
