"""Every sentence an import says to a user: why a file was refused, and what the import itself noticed."""

from __future__ import annotations

_SEND = "请发送年度报告的 Word（.docx）、网页（.html）或文本（.txt）文件。"

EMPTY_FILE = "文件为空，未能读取。" + _SEND
IMAGE_FILE = "收到的是图片，无法读取其中的文字和表格。" + _SEND
PDF_FILE = "暂不支持读取 PDF 文件。" + _SEND
OLD_WORD = "这是旧版 Word（.doc）或 WPS 文件，暂无法读取。请另存为 .docx 后重新发送。"
BAD_DOCX = "Word 文件已损坏或不是 .docx 格式，未能打开。请在 Word 或 WPS 中另存为 .docx 后重新发送。"
NOT_DOCX_ZIP = "收到的是压缩包，不是 Word 文件。" + _SEND
BINARY_FILE = "文件不是文本，也不是 Word 或网页文件，未能读取。" + _SEND
BAD_ENCODING = "文本文件的编码无法识别。请另存为 UTF-8 编码后重新发送。"
BAD_HTML = "网页文件未能解析。" + _SEND
BAD_JSON = "该 JSON 文件不是本系统导出的年度报告数据，未能导入。"
UNREADABLE_PATH = "文件“{name}”无法打开，请确认文件存在且可以读取。"
NOT_A_REPORT = (
    "未能识别为政府信息公开工作年度报告：没有找到“一、总体情况”等章节标题，也没有找到表二至表四的数据。" + _SEND
)
NO_YEAR = "未能从标题或正文中识别报告年度。请确认标题形如“××乡2024年政府信息公开工作年度报告”。"

MISSING_TABLE = "未找到{table}（{title}），该表 {count} 个数未导入，请补充填写。"
MISSING_ROW = "未找到{table}「{label}」行，该行 {count} 个数未导入，请补充填写。"
OLD_GROUP_LAYOUT = (
    "{table}「{group}」按2019年试行格式只印了一行。该行数字已计入「{leaf}」，{others}按 0 计入；"
    "请按2021年格式分项核对。"
)
LEGACY_COLUMNS = "{table}使用了2019年格式的栏目{seen}，2021年格式应为{expected}。数字已按列序导入，请按2021年格式重新核对。"
LEGACY_ROW = "{table}使用了2019年格式的「{seen}」行，2021年格式应为「{expected}」。数字已按该行导入，请核对。"


def quoted(labels: list[str] | tuple[str, ...]) -> str:
    return "".join(f"「{label}」" for label in labels)
