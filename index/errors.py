"""The one family of user-facing errors: `str(e)` is the Chinese sentence shown to the user, `exit_code`
the command line's exit status and `http_status` the JSON API's reply status.

Exit codes (README 命令行): 0 success; 1 (`USER`) a failure the user can fix — a file, a document id, a
question file, a setting, a confirmation; 2 (`USAGE`) a command called with arguments it cannot use;
3 (`INFRASTRUCTURE`) the store, its database, the vector store or a model cannot be opened, read or
written. An unexpected bug is not in the family: each interface's boundary (the CLI's `main`, the page's
`assistant.web.boundary`, the JSON API's `assistant.web.api`) logs its traceback and shows
`assistant.errors.INTERNAL_ERROR` with exit 1 or HTTP 500. Everything else catches only the specific
exceptions a library raises and re-raises them as a member of the family.

Internal control-flow signals (`compare.AskBack`, `agent.Stop`, `draft.Unanswerable`, `tools.ToolError`)
are plain exceptions, always caught by the code that raises them: they never reach a boundary."""

from __future__ import annotations

from pathlib import Path

USER, USAGE, INFRASTRUCTURE = 1, 2, 3  # the exit codes of the family


class AssistantError(Exception):
    """Expected failure; str(e) is shown to the user as it is."""

    exit_code: int = USER
    http_status: int = 400  # the request or its file cannot be served as it is


class UsageError(AssistantError):
    """A command called with arguments it cannot use."""

    exit_code = USAGE

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return f"用法错误：{self.reason}"


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

    exit_code = INFRASTRUCTURE
    http_status = 503

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return f"数据存储出错：{self.reason}"


class DocumentNotFound(AssistantError):
    """A document id (or prefix) that is not in the store."""

    http_status = 404

    def __init__(self, doc_id: str):
        super().__init__(doc_id)
        self.doc_id = doc_id

    def __str__(self) -> str:
        return f"库中没有编号为“{self.doc_id}”的文件，请先用 budgetqa docs 查看已入库的文件"


class StoreIncompatible(AssistantError):
    """A store folder written by a version of the program with another store format."""

    exit_code = INFRASTRUCTURE
    http_status = 503

    def __init__(self, folder: Path, version: int, expected: int):
        super().__init__(folder, version, expected)
        self.folder, self.version, self.expected = folder, version, expected

    def __str__(self) -> str:
        return (
            f"存储目录“{self.folder}”是其他版本的程序建立的（格式版本 {self.version}，本程序为 {self.expected}），"
            "无法直接使用。"
            f"请运行 budgetqa --store {self.folder} rebuild 用库中保存的原文重建（原目录会另存为备份）"
        )
