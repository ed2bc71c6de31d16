"""Who claimed what: quotations and reported speech, their speakers, reporting verbs and channels."""
