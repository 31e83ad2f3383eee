"""The Gradio page: a header and four tabs (问答, 文件, 数据核对, 核对文字), each laid out and wired in its own
module; it calls the assistant through the shared `Service` and renders its `Answer`s."""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.web import chat, checks, files
from assistant.web.access import Accounts
from assistant.web.service import Service
from index.load import MAX_PDF_BYTES

UPLOAD_CAP = 2 * MAX_PDF_BYTES  # gradio refuses (in English) anything larger before it reaches the disk;
# files between the loader's limits (MAX_BYTES, MAX_PDF_BYTES) and this get its Chinese message
# Gradio's own words on the page, in Chinese whatever the browser's language: its frontend looks a flat
# "section.key" up before its built-in dictionaries (an English browser would otherwise see "Drop File Here").
UI_WORDS = {
    "upload_text.click_to_upload": "点击选择文件",
    "upload_text.drop_file": "把文件拖到这里",
    "upload_text.paste_clipboard": "从剪贴板粘贴",
    "file.uploading": "正在上传…",
    "common.or": "或",
    "common.clear": "清除",
    "common.submit": "提交",
    "common.loading": "加载中",
    "common.error": "错误",
    "common.empty": "空",
    "common.download": "下载",
    "common.download_all": "全部下载",
    "common.remove": "移除",
    "common.edit": "编辑",
    "common.undo": "撤销",
    "common.share": "分享",
    "common.settings": "设置",
    "common.language": "语言",
    "common.display_theme": "显示主题",
    "common.progress": "进度",
    "common.built_with": "构建于",
    "common.built_with_gradio": "使用 Gradio 构建",
    "common.run": "运行",
    "common.runs": "运行记录",
    "common.back_to_app": "返回",
    "errors.use_via_api": "通过 API 使用",
    "errors.use_via_api_or_mcp": "通过 API 或 MCP 使用",
    "chatbot.copy_message": "复制",
    "chatbot.copied_message": "已复制",
    "chatbot.clear": "清空",
    "chatbot.retry": "重试",
    "chatbot.undo": "撤销",
    "chatbot.edit": "编辑",
    "chatbot.submit": "提交",
    "chatbot.cancel": "取消",
    "chat_interface.conversation": "对话",
    "chat_interface.chatbot": "对话",
    "dataframe.sort_ascending": "升序",
    "dataframe.sort_descending": "降序",
    "dataframe.sort_column": "排序",
    "dataframe.clear_sort": "取消排序",
    "dataframe.filter": "筛选",
    "dataframe.clear_filter": "清除筛选",
    "dropdown.dropdown": "下拉选择",
    "plot.plot": "图表",
    "status.queue_position": "排队中：第 {position} 位，共 {size} 位",
    "blocks.lost_connection": "离开页面后连接已断开，正在重新排队…",
    "blocks.waiting_for_inputs": "文件还在上传，请稍后再试。",
    "login.login": "登录",
    "login.username": "用户名",
    "login.password": "密码",
    "login.incorrect_credentials": "用户名或密码不对",
}
UI_LOCALES = ("en", "zh-CN")  # English is also what every other language falls back to


def build(service: Service) -> gr.Blocks:
    """The page, its components laid out tab by tab and then wired (handlers registered in the same order
    as the components, so the page's API endpoints keep their names and numbers)."""
    with gr.Blocks(title="预算公开问答助手", analytics_enabled=False) as page:
        gr.Markdown(
            "## 预算公开问答助手\n答案中的每个数字都来自公开文件，或由确定性计算得出，并逐一核对：**✓** 与公开文件一致，**🧮** 由计算得出，**⚠** 无法核对。"
        )
        answers = gr.State([])  # this session's Answers, for follow-ups; never shared between users
        with gr.Tabs():
            asking = chat.layout(service)
            uploads = files.layout(service)
            checking = checks.layout(service)
        chat.wire(service, asking, answers)
        files.wire(service, uploads, asking, checking.audit_doc, page)
        checks.wire(service, checking)
    return page


def launch_options(host: str, port: int, logins: Accounts | None) -> dict[str, Any]:
    """What `launch` is given: never a public share link; a login when there are accounts; uploads capped."""
    return {
        "server_name": host,
        "server_port": port,
        "share": False,
        "auth": logins.check if logins else None,
        "auth_message": "请输入管理员分配的账号和密码。" if logins else None,
        "max_file_size": UPLOAD_CAP,
        "show_error": False,
        "quiet": True,
        "i18n": gr.I18n(**dict.fromkeys(UI_LOCALES, UI_WORDS)),
    }
