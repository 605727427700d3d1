"""The plan given back as a document: a format-neutral model and its DOCX, XLSX and HTML
writers (pure functions model → bytes; no aiogram, no database)."""
