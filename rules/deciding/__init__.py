"""Deciding what fires: the `when` language of rules.yaml, compiled onto durable-rules."""
