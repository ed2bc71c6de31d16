"""Text helpers every extractor shares: the gazetteer, dates, quotation marks, venues and datelines."""
