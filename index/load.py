"""Loading disclosure files: detect the encoding from the bytes, normalise the text, hash it."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from pathlib import Path

from index.errors import UnreadableDocument
from index.normal import canonical
from index.records import LoadedText

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | {".pdf"}
# A disclosure's text is 20–300 KB; a file far larger is not one (and would take minutes to embed).
MAX_BYTES = 2 * 1024 * 1024
# Its PDF is 0.3–5 MB (fonts embedded, a scanned seal or two).
MAX_PDF_BYTES = 20 * 1024 * 1024

# Magic numbers of formats people upload by mistake (or renamed to .txt).
_MAGIC = [
    (b"PK\x03\x04", "这是 Word/Excel/压缩包等格式，请另存为文本（.txt）后再导入"),
    (b"\xd0\xcf\x11\xe0", "这是旧版 Office 文件，请另存为文本（.txt）后再导入"),
    (b"\x89PNG", "这是图片文件，不是文本"),
    (b"\xff\xd8\xff", "这是图片文件，不是文本"),
    (b"GIF8", "这是图片文件，不是文本"),
]


def normalise(text: str) -> str:
    """The canonical form that a document's id is computed from (full-width digits become ASCII,
    radical code points the ideographs they are printed as)."""
    text = canonical(text.lstrip("\ufeff"))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip(" \u3000") for line in lines).strip("\n") + "\n"


def doc_id_of(text: str) -> str:
    """SHA-256 of the normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def decode(data: bytes, path: Path) -> tuple[str, str, bool]:
    """Bytes → (text, encoding, cut): BOMs first, then strict UTF-8, then strict GB18030.

    `cut` is true when the bytes end in the middle of a character (a download that
    stopped early): that character is dropped and the rest is read.
    """
    if not data.strip():
        raise UnreadableDocument(path, "文件是空的")
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            raise UnreadableDocument(path, reason)
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text, cut = _decode_whole(data, encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding, cut
        break
    raise UnreadableDocument(path, "内容不是 UTF-8 或 GB18030 编码的文本（可能是二进制文件或已损坏）")


def _decode_whole(data: bytes, encoding: str) -> tuple[str, bool]:
    """Strict decoding; only an incomplete character in the last 3 bytes is forgiven (and reported)."""
    try:
        return data.decode(encoding), False
    except UnicodeDecodeError as e:
        if (
            e.start < len(data) - 3
            or e.end != len(data)
            or e.reason not in ("unexpected end of data", "incomplete multibyte sequence")
        ):
            raise
        return data[: e.start].decode(encoding), True


def _looks_like_text(text: str) -> bool:
    """Reject decoded binary: control characters, private-use or unassigned code points."""
    if "\x00" in text:
        return False
    bad = sum(1 for ch in text if (unicodedata.category(ch) in {"Cc", "Co", "Cn", "Cs"} and ch not in "\t\n\r\f"))
    return bad <= len(text) // 200


def megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def load(path: Path, max_bytes: int = MAX_BYTES, *, progress: Callable[[int, int], None] | None = None) -> LoadedText:
    """Read one disclosure file (text or PDF); raises UnreadableDocument with a Chinese reason.

    `progress(done, total)` reports the pages of a PDF as they are read.
    """
    if not path.exists():
        raise UnreadableDocument(path, "文件不存在")
    if path.is_dir():
        raise UnreadableDocument(path, "这是一个文件夹，不是文件")
    if not path.is_file():
        raise UnreadableDocument(path, "这不是普通文件（设备、管道等）")
    try:
        with path.open("rb") as f:
            head = f.read(1024)
    except OSError as e:
        raise UnreadableDocument(path, f"读取失败（{e.strerror or e}）") from e
    if b"%PDF-" in head:  # the header may follow a few bytes of junk
        return _load_pdf(path, progress)
    if path.suffix.lower() == ".pdf":
        raise UnreadableDocument(path, "文件扩展名是 .pdf，但内容不是 PDF（文件头不对，可能已损坏）")
    data = _read_bounded(path, max_bytes)
    text, encoding, cut = decode(data, path)
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise UnreadableDocument(path, f"不支持“{path.suffix or '无扩展名'}”类型的文件，目前支持 .txt、.md 和 .pdf")
    text = normalise(text)
    warnings = ("文件在一个字的中间结束（可能没有下载完整），最后半个字已去掉",) if cut else ()
    return LoadedText(name=path.name, text=text, encoding=encoding, doc_id=doc_id_of(text), warnings=warnings)


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; a file over `max_bytes` is refused, also one that grew since it was measured."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableDocument(
                path, f"文件过大（{megabytes(size)}，上限 {megabytes(max_bytes)}），不像是一份部门预算/决算公开文件"
            )
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise UnreadableDocument(path, f"读取失败（{e.strerror or e}）") from e
    if len(data) > max_bytes:
        raise UnreadableDocument(path, f"文件过大（超过 {megabytes(max_bytes)}），不像是一份部门预算/决算公开文件")
    return data


def _load_pdf(path: Path, progress: Callable[[int, int], None] | None) -> LoadedText:
    from index.pdf import read_pages  # pdfplumber is imported only when a PDF is read
    from index.render import render

    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise UnreadableDocument(
            path, f"PDF 过大（{megabytes(size)}，上限 {megabytes(MAX_PDF_BYTES)}），不像是一份部门预算/决算公开文件"
        )
    pages, warnings = read_pages(path, progress)
    text = normalise(render(pages))
    return LoadedText(
        name=path.name, text=text, encoding="pdf", doc_id=doc_id_of(text), warnings=tuple(warnings), pages=tuple(pages)
    )
