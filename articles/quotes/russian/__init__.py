"""Quotations in Russian copy: «ёлочки» with nested „лапки“, „лапки“ alone, the dash
attribution (`«…», — сказал Веденеев.`), the colon before a quote (`Дроздов сказал: «…»`) and
the split quote (`«…, — подчеркнул министр. — …»`).

A separate reading from the English one, chosen by `articles.quotes.extract_quotes` when the
language is Russian (given, or detected from the script): Russian word order, case endings and
verb agreement need rules of their own, and the English rules stay exactly as they were.
It shares the quote-mark scanner, paragraphs and records with them.
"""

from .extract import extract_quotes_ru, find_people_ru

__all__ = ["extract_quotes_ru", "find_people_ru"]
