"""Text: an input file or web page in, the article's clean text out (loading, cleaning)."""
