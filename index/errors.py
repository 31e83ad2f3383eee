"""Expected failures of the index stage; `str(e)` is the Chinese sentence shown to the user."""

from __future__ import annotations

from pathlib import Path


class AssistantError(Exception):
    """Expected failure; str(e) is shown to the user as it is."""


class UnreadableDocument(AssistantError):
    """A file that cannot be read as a disclosure (empty, binary, wrong type, bad encoding)."""

    def __init__(self, path: Path, reason: str):
        super().__init__(path, reason)
        self.path, self.reason = path, reason

    def __str__(self) -> str:
        return f"无法读取文件“{self.path.name}”：{self.reason}"


class NotADisclosure(AssistantError):
    """A readable text that does not follow the budget-disclosure template."""

    def __init__(self, name: str, reason: str):
        super().__init__(name, reason)
        self.name, self.reason = name, reason

    def __str__(self) -> str:
        return f"“{self.name}”不是可识别的预算公开文件：{self.reason}"


class BadConfirmation(AssistantError):
    """A department, year or kind a user gave for a document that cannot be one."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return self.reason


class StoreError(AssistantError):
    """The store folder cannot be opened or written."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return f"数据存储出错：{self.reason}"


class DocumentNotFound(AssistantError):
    """A document id (or prefix) that is not in the store."""

    def __init__(self, doc_id: str):
        super().__init__(doc_id)
        self.doc_id = doc_id

    def __str__(self) -> str:
        return f"库中没有编号为“{self.doc_id}”的文件，请先用 budgetqa docs 查看已入库的文件"


class StoreIncompatible(AssistantError):
    """A store folder written by a version of the program with another store format."""

    def __init__(self, folder: Path, version: int, expected: int):
        super().__init__(folder, version, expected)
        self.folder, self.version, self.expected = folder, version, expected

    def __str__(self) -> str:
        return (
            f"存储目录“{self.folder}”是其他版本的程序建立的（格式版本 {self.version}，本程序为 {self.expected}），"
            "无法直接使用。"
            f"请运行 budgetqa --store {self.folder} rebuild 用库中保存的原文重建（原目录会另存为备份）"
        )
