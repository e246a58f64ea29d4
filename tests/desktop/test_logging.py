from __future__ import annotations

import logging
import os
import stat

from desktop import logging_setup
from desktop.logging_setup import redact


def test_redacts_id_numbers_and_secrets():
    line = redact("citizen 001090123456 signed with pin=1234 and password: hunter2")
    assert "001090123456" not in line
    assert "001******456" in line
    assert "1234" not in line
    assert "hunter2" not in line


def test_log_file_is_private_and_redacted(monkeypatch, tmp_path):
    monkeypatch.setattr(logging_setup, "_configured", None)
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path))
    path = logging_setup.setup_logging()
    try:
        logging.getLogger("hoso.test").warning("CCCD 079203001234 pin=9999")
        for handler in logging.getLogger("hoso").handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
        assert "079203001234" not in text and "9999" not in text
        assert "079******234" in text
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    finally:
        root = logging.getLogger("hoso")
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        monkeypatch.setattr(logging_setup, "_configured", None)
