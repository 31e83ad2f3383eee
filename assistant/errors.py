"""Expected failures, shown to the user as one Chinese sentence (defined in `index.errors`)."""

from index.errors import AssistantError, DocumentNotFound, NotADisclosure, StoreError, UnreadableDocument

INTERNAL_ERROR = "系统内部错误，请稍后再试。"

__all__ = ["INTERNAL_ERROR", "AssistantError", "DocumentNotFound", "NotADisclosure", "StoreError", "UnreadableDocument"]
