"""Word forms (.docx) read and filled natively, without an office suite (issue 15)."""
