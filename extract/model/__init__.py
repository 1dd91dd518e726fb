"""Model: which server, how to ask it, what it must answer, the answer cache, the embedded model."""
