"""Pydantic models of the output record (see CONTRACT.md). Never imports `extract`."""

from schemas.record import (
    ALLEGATION_CATEGORIES,
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    Allegation,
    AllegationCategory,
    ArticleRecord,
    ErrorInfo,
    ErrorRecord,
    Provenance,
    Source,
    Statement,
    Usage,
    record_problems,
    said_text,
)

__all__ = [
    "ALLEGATION_CATEGORIES",
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Allegation",
    "AllegationCategory",
    "ArticleRecord",
    "ErrorInfo",
    "ErrorRecord",
    "Provenance",
    "Source",
    "Statement",
    "Usage",
    "record_problems",
    "said_text",
]
