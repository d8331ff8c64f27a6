"""Measuring a draft: tokens and sentences, phrase lists, readability, and the features rules test."""
