"""Rewrites: findings merged into one hint per problem, replacements fitted to the words around
them, and the whole post with every hint's first fix applied."""
from .applying import apply_first, content_words, kept_tokens, whole_post
from .hints import Hint, hints

__all__ = ["Hint", "apply_first", "content_words", "hints", "kept_tokens", "whole_post"]
