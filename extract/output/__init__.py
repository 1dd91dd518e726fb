"""Output: records written, read, validated, scored, joined across articles, exported, reviewed."""
