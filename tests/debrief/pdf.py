"""Printing an HTML page to PDF the way a teacher would (a browser's "print to PDF"), for tests
that count pages: headless Chromium's --print-to-pdf, the page count from pdfinfo (poppler-utils)
or, without it, from the PDF's /Type /Page objects."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer")
PAPER = {"letter": "", "a4": "@page { size: A4; }"}


def browser() -> str | None:
    wanted = os.environ.get("PYATILETKA_CHROMIUM")
    if wanted:
        return wanted if shutil.which(wanted) or Path(wanted).is_file() else None
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def why_not() -> str:
    return ("no headless Chromium to print with: install it (Debian: apt-get install chromium poppler-utils) "
            "or name it in PYATILETKA_CHROMIUM")


def print_to_pdf(html: Path, pdf: Path, paper: str = "letter", timeout: float = 120) -> Path:
    """Print `html` to `pdf` on Letter (Chromium's default) or A4 (the page is given an @page size
    rule for it, as a browser's paper setting would)."""
    source = html
    if PAPER[paper]:
        source = pdf.with_suffix(f".{paper}.html")
        text = html.read_text(encoding="utf-8")
        source.write_text(text.replace("</style>", PAPER[paper] + "</style>", 1), encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="pyatiletka-chromium-") as profile:
        command = [browser(), *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", source.resolve().as_uri()]
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout, check=False)
    if not pdf.is_file() or pdf.stat().st_size == 0:
        raise RuntimeError(f"{command[0]} wrote no PDF for {html}")
    return pdf


def pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE).group(1))
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def counter() -> str:
    return "pdfinfo" if shutil.which("pdfinfo") else "/Type /Page objects"
