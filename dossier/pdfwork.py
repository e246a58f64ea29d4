"""The former dossier.pdfwork, kept so older imports keep working: PDF pages and hygiene are
in dossier.pdf_pages, the byte budget of page images in dossier.pdf_budget."""

from dossier.pdf_budget import *  # noqa: F403
from dossier.pdf_budget import FitOutcome, fit_to_budget  # noqa: F401
from dossier.pdf_pages import *  # noqa: F403
