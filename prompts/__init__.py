"""Prompt files for `extract`: shipped as package data and validated when loaded (see extract.model.prompting)."""
