"""The library sidebar: the search box over the full-text index and the article list,
fetched lazily from a table model as the list scrolls."""
