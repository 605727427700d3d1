"""Old Word .doc, RTF and ODT → DOCX by LibreOffice in headless mode, then read as DOCX.

Each conversion runs its own soffice with a fresh profile in a temporary directory (two
conversions at once never share a profile lock), the import filter named so that a broken file
fails instead of being opened as plain text, and a timeout after which the whole process group
is killed. The reader is called off the event loop (services.imports runs it in a thread).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from bot.domain.readers.base import RawDocument
from bot.domain.readers.docx import read_docx
from bot.domain.readers.safety import zip_members
from bot.errors import DocumentRejected

TIMEOUT_SECONDS = 60
# A converted plan is a few hundred KB; LibreOffice writing more than this was fed a bomb.
MAX_CONVERTED_BYTES = 20 * 1024 * 1024
# format → (file extension soffice is given, its import filter)
FILTERS = {
    "doc": ("doc", "MS Word 97"),
    "rtf": ("rtf", "Rich Text Format"),
    "odf": ("odt", "writer8"),
}
_CANDIDATES = ("soffice", "libreoffice")


def soffice_path() -> str | None:
    """The LibreOffice executable, or None where it is not installed."""
    configured = os.environ.get("WORKPLAN_SOFFICE")
    if configured:
        return shutil.which(configured)
    return next((found for name in _CANDIDATES if (found := shutil.which(name))), None)


def read_office(data: bytes, kind: str) -> RawDocument:
    """Convert a .doc/.rtf/.odt (``kind``: doc, rtf, odf) and read the DOCX it becomes."""
    soffice = soffice_path()
    if soffice is None:
        raise DocumentRejected("doc-office-unavailable", format=FILTERS[kind][0])
    converted = convert_to_docx(soffice, data, kind)
    zip_members(converted)  # LibreOffice's output passes the same ZIP checks as an upload
    raw = read_docx(converted)
    return RawDocument(raw.blocks, source_format=FILTERS[kind][0])


def convert_to_docx(soffice: str, data: bytes, kind: str) -> bytes:
    """The DOCX LibreOffice makes of ``data``; a file it cannot open is refused with its format."""
    extension, import_filter = FILTERS[kind]
    with tempfile.TemporaryDirectory(prefix="workplan-soffice-") as work:
        folder = Path(work)
        source = folder / f"upload.{extension}"
        source.write_bytes(data)
        out = folder / "out"
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            f"--infilter={import_filter}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ]
        _run(command, folder, extension)
        result = out / "upload.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise DocumentRejected("doc-unsupported-format", format=kind)
        if result.stat().st_size > MAX_CONVERTED_BYTES:
            raise DocumentRejected("doc-zip-bomb")
        return result.read_bytes()


def _run(command: list[str], home: Path, extension: str) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TMPDIR": str(home),
    }
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=home,
        start_new_session=True,  # its own process group: the timeout kills oosplash and soffice.bin
    )
    try:
        process.wait(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as error:
        _kill_group(process)
        raise DocumentRejected("doc-office-timeout", format=extension) from error
    finally:
        if process.poll() is None:
            _kill_group(process)


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
